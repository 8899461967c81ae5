<?xml version="1.0" encoding="UTF-8"?>
<!-- Named templates the format stylesheets share: numbers as printed, padding, replacing and
     word-wrapping text. XSLT 1.0 has no loops, so each recursion step does as much as it can
     (a whole line, a whole occurrence) to stay far below the processor's recursion limit. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" exclude-result-prefixes="r">

  <!-- libxslt's format-number goes wrong with many optional decimals (1000000 with ten of them
       prints 999,999.9999999999): whole numbers get none, others at most six. -->
  <xsl:variable name="whole-pattern" select="'#,##0;(#,##0)'"/>
  <xsl:variable name="decimal-pattern" select="'#,##0.######;(#,##0.######)'"/>

  <!-- A number with thousands separators, a negative one in parentheses. -->
  <xsl:template name="amount">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="number($value) = floor(number($value))">
        <xsl:value-of select="format-number(number($value), $whole-pattern)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number(number($value), $decimal-pattern)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A table value as a reader expects it: thousands separated, negatives in parentheses
       the way financial statements print them; text that is not a number is kept as it is. -->
  <xsl:template name="number-text">
    <xsl:param name="value" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="string(number($value)) = 'NaN'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="amount"><xsl:with-param name="value" select="$value"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A table cell's display text: a number, or nothing for a null value. -->
  <xsl:template name="cell-text">
    <xsl:param name="value"/>
    <xsl:if test="not($value/@nil = 'true') and string($value) != ''">
      <xsl:call-template name="number-text">
        <xsl:with-param name="value" select="string($value)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A table's caption, or "Table N" where none was printed. -->
  <xsl:template name="table-caption">
    <xsl:choose>
      <xsl:when test="r:caption"><xsl:value-of select="normalize-space(r:caption)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('Table ', count(preceding-sibling::r:table) + 1)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a table's numbers are: its unit, and whole units where the print used a scale. -->
  <xsl:template name="table-note-text">
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="r:scale = 1000">thousands</xsl:when>
        <xsl:when test="r:scale = 1000000">millions</xsl:when>
        <xsl:when test="r:scale = 1000000000">billions</xsl:when>
        <xsl:when test="r:scale &gt; 1"><xsl:value-of select="concat('units of ', r:scale)"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="r:unit"/>
    <xsl:if test="r:unit and $scale != ''">; </xsl:if>
    <xsl:if test="$scale != ''"><xsl:value-of select="concat('printed in ', $scale, ', shown in whole units')"/></xsl:if>
  </xsl:template>

  <!-- What follows a run-in dateline: $dash, or just a space where the dateline ends in a dash
       of its own (Cisco's "San Jose, CA (August 10, 1995)" is followed by two hyphens). -->
  <xsl:template name="dateline-separator">
    <xsl:param name="text"/>
    <xsl:param name="dash" select="' — '"/>
    <xsl:variable name="last" select="substring(normalize-space($text), string-length(normalize-space($text)))"/>
    <xsl:choose>
      <xsl:when test="$last = '-' or $last = '—' or $last = '–' or $last = ':'"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="$dash"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every occurrence of $from in $text replaced by $to (one recursion per occurrence). A single
       character is replaced about 1,000 characters at a time, cut after a $from, so the nesting stays under libxslt's 3,000 calls however long the text. -->
  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="tail" select="substring($text, 1001)"/>
    <xsl:choose>
      <xsl:when test="string-length($from) = 1 and contains($tail, $from)">
        <xsl:call-template name="replace-each">
          <xsl:with-param name="text" select="concat(substring($text, 1, 1000), substring-before($tail, $from), $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($tail, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace-each">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text repeated $count times, by doubling (recursion depth grows with log2 of $count). -->
  <xsl:template name="repeat">
    <xsl:param name="text" select="' '"/>
    <xsl:param name="count" select="0"/>
    <xsl:if test="$count &gt;= 1">
      <xsl:variable name="half">
        <xsl:call-template name="repeat">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="count" select="floor($count div 2)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="concat($half, $half)"/>
      <xsl:if test="$count mod 2 = 1"><xsl:value-of select="$text"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- $text padded with spaces to $width: on the left (right-aligned) or on the right. -->
  <xsl:template name="pad">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="spaces">
      <xsl:call-template name="repeat">
        <xsl:with-param name="count" select="$width - string-length($text)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$align = 'right'"><xsl:value-of select="concat($spaces, $text)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($text, $spaces)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where the last space before position $width + 1 is (0 when there is none). -->
  <xsl:template name="break-position">
    <xsl:param name="text"/>
    <xsl:param name="offset" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="break-position">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="offset" select="$offset + string-length(substring-before($text, ' ')) + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$offset"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text (one line, single spaces) word-wrapped to $width columns, every line starting with
       $indent (the first with $first-indent); a word longer than a line keeps a line of its own.
       The lines are made $chunk at a time (each chunk's lines, then the text left after them
       wrapped on), so the recursion stays shallow however long the paragraph. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="width" select="72"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first-indent" select="$indent"/>
    <xsl:param name="chunk" select="400"/>
    <xsl:call-template name="wrap-lines">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="indent" select="$indent"/>
      <xsl:with-param name="first-indent" select="$first-indent"/>
      <xsl:with-param name="budget" select="$chunk"/>
      <xsl:with-param name="emit" select="true()"/>
    </xsl:call-template>
    <!-- a text of at most $chunk characters has at most $chunk lines: nothing is left -->
    <xsl:if test="string-length($text) &gt; $chunk">
      <xsl:variable name="rest">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first-indent" select="$first-indent"/>
          <xsl:with-param name="budget" select="$chunk"/>
          <xsl:with-param name="emit" select="false()"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="$rest != ''">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$rest"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="chunk" select="$chunk"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The first $budget lines of wrapped $text ($emit), or else the text left after them. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="indent"/>
    <xsl:param name="first-indent"/>
    <xsl:param name="budget"/>
    <xsl:param name="emit"/>
    <xsl:variable name="room" select="$width - string-length($first-indent)"/>
    <xsl:choose>
      <xsl:when test="$budget &lt; 1">
        <xsl:if test="not($emit)"><xsl:value-of select="$text"/></xsl:if>
      </xsl:when>
      <xsl:when test="string-length($text) &lt;= $room">
        <xsl:if test="$emit"><xsl:value-of select="concat($first-indent, $text, '&#10;')"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="found">
          <xsl:call-template name="break-position">
            <xsl:with-param name="text" select="substring($text, 1, $room + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="cut">
          <xsl:choose>
            <xsl:when test="$found &gt; 1"><xsl:value-of select="$found"/></xsl:when>
            <xsl:when test="contains($text, ' ')">
              <xsl:value-of select="string-length(substring-before($text, ' ')) + 1"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="string-length($text) + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$emit"><xsl:value-of select="concat($first-indent, substring($text, 1, $cut - 1), '&#10;')"/></xsl:if>
        <xsl:if test="substring($text, $cut + 1) != ''">
          <xsl:call-template name="wrap-lines">
            <xsl:with-param name="text" select="substring($text, $cut + 1)"/>
            <xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="first-indent" select="$indent"/>
            <xsl:with-param name="budget" select="$budget - 1"/>
            <xsl:with-param name="emit" select="$emit"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An ISO date (2005-02-08) as a reader expects it: February 8, 2005. -->
  <xsl:template name="long-date">
    <xsl:param name="date"/>
    <xsl:variable name="month" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="names" select="'January  February March    April    May      June     July     August   SeptemberOctober  November December '"/>
    <xsl:choose>
      <xsl:when test="string-length($date) = 10 and $month &gt;= 1 and $month &lt;= 12">
        <xsl:value-of select="concat(normalize-space(substring($names, ($month - 1) * 9 + 1, 9)), ' ',
                                     number(substring($date, 9, 2)), ', ', substring($date, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
