<?xml version="1.0" encoding="UTF-8"?>
<!-- A table laid out in fixed-width text: row labels on the left (wrapped at $label-width),
     numbers right-aligned in columns as wide as their widest value, column headers wrapped over
     their columns and aligned at the bottom. The layout is measured first into a small tree
     (exsl:node-set), then printed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">
  <xsl:import href="common.xsl"/>

  <xsl:param name="label-width" select="36"/>
  <xsl:param name="header-width" select="14"/>
  <xsl:variable name="table-nl" select="'&#10;'"/>
  <xsl:variable name="gap" select="'   '"/>

  <xsl:template match="r:table">
    <xsl:variable name="layout-tree">
      <xsl:call-template name="measure"/>
    </xsl:variable>
    <xsl:variable name="layout" select="exsl:node-set($layout-tree)/layout"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text">
        <xsl:call-template name="table-caption"/>
      </xsl:with-param>
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:variable name="note"><xsl:call-template name="table-note-text"/></xsl:variable>
    <xsl:if test="$note != ''"><xsl:value-of select="concat('(', $note, ')', $table-nl)"/></xsl:if>
    <xsl:value-of select="$table-nl"/>
    <xsl:call-template name="header-lines">
      <xsl:with-param name="layout" select="$layout"/>
      <xsl:with-param name="line" select="1"/>
    </xsl:call-template>
    <xsl:call-template name="rule-line"><xsl:with-param name="layout" select="$layout"/></xsl:call-template>
    <xsl:for-each select="r:rows/r:row">
      <xsl:call-template name="row-lines"><xsl:with-param name="layout" select="$layout"/></xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$table-nl"/>
  </xsl:template>

  <!-- <layout label=".." total=".."><column width=".." lines=".."><line>..</line>..</column>.. -->
  <xsl:template name="measure">
    <xsl:variable name="longest-label">
      <xsl:for-each select="r:rows/r:row/r:label">
        <xsl:sort select="string-length(normalize-space(.))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(normalize-space(.))"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="label" select="number(concat('0', $longest-label)) * number($longest-label &lt;= $label-width)
                                       + $label-width * number($longest-label &gt; $label-width)"/>
    <xsl:variable name="columns-tree">
      <xsl:for-each select="r:columns/r:column">
        <xsl:call-template name="measure-column">
          <xsl:with-param name="index" select="position()"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="columns" select="exsl:node-set($columns-tree)/column"/>
    <layout label="{$label}" total="{$label + sum($columns/@width) + string-length($gap) * count($columns)}">
      <xsl:copy-of select="$columns"/>
    </layout>
  </xsl:template>

  <xsl:template name="measure-column">
    <xsl:param name="index"/>
    <xsl:variable name="values" select="../../r:rows/r:row/r:values/r:value[position() = $index]"/>
    <xsl:variable name="widest-value">
      <xsl:for-each select="$values">
        <xsl:sort select="string-length(format-number(number(.), $whole-pattern)) * number(number(.) = floor(number(.)))
                          + string-length(format-number(number(.), $decimal-pattern)) * number(number(.) != floor(number(.)))
                          + number(number(.) &gt;= 0)"
                  data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:variable name="shown"><xsl:call-template name="value-text"/></xsl:variable>
          <xsl:value-of select="string-length($shown)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="header" select="normalize-space(r:label)"/>
    <xsl:variable name="longest-word">
      <xsl:call-template name="longest-word"><xsl:with-param name="text" select="$header"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="candidates-tree">
      <w><xsl:value-of select="number(concat('0', $widest-value))"/></w>
      <w><xsl:value-of select="$longest-word + 1"/></w>
      <w><xsl:value-of select="1 + string-length($header) * number(string-length($header) &lt;= $header-width)
                               + $header-width * number(string-length($header) &gt; $header-width)"/></w>
    </xsl:variable>
    <xsl:variable name="width">
      <xsl:for-each select="exsl:node-set($candidates-tree)/w">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- Headers end where the digits do: one column left of a negative's ")". -->
    <xsl:variable name="wrapped">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="$header"/>
        <xsl:with-param name="width" select="$width - 1"/>
      </xsl:call-template>
    </xsl:variable>
    <column width="{$width}" lines="{string-length($wrapped) - string-length(translate($wrapped, $table-nl, ''))}">
      <xsl:call-template name="split-lines"><xsl:with-param name="text" select="$wrapped"/></xsl:call-template>
    </column>
  </xsl:template>

  <!-- A value as shown in text: negatives in parentheses, positives with a trailing space so the
       digits line up with the parenthesised ones. -->
  <xsl:template name="value-text">
    <xsl:param name="value" select="."/>
    <xsl:choose>
      <xsl:when test="$value/@nil = 'true' or string($value) = ''"/>
      <xsl:when test="string(number($value)) = 'NaN'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="amount"><xsl:with-param name="value" select="$value"/></xsl:call-template>
        <xsl:if test="number($value) &gt;= 0"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Header line $line (of the tallest header's count), each header aligned at the bottom. -->
  <xsl:template name="header-lines">
    <xsl:param name="layout"/>
    <xsl:param name="line"/>
    <xsl:variable name="tallest">
      <xsl:for-each select="$layout/column">
        <xsl:sort select="@lines" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@lines"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$line &lt;= $tallest">
      <xsl:variable name="text">
        <xsl:call-template name="repeat"><xsl:with-param name="count" select="$layout/@label"/></xsl:call-template>
        <xsl:for-each select="$layout/column">
          <xsl:value-of select="$gap"/>
          <xsl:call-template name="pad">
            <xsl:with-param name="text" select="concat(line[position() = $line - ($tallest - current()/@lines)], ' ')"/>
            <xsl:with-param name="width" select="@width"/>
            <xsl:with-param name="align" select="'right'"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="trim-right"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      <xsl:value-of select="$table-nl"/>
      <xsl:call-template name="header-lines">
        <xsl:with-param name="layout" select="$layout"/>
        <xsl:with-param name="line" select="$line + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rule-line">
    <xsl:param name="layout"/>
    <xsl:call-template name="repeat">
      <xsl:with-param name="text" select="'-'"/>
      <xsl:with-param name="count" select="$layout/@label"/>
    </xsl:call-template>
    <xsl:for-each select="$layout/column">
      <xsl:value-of select="$gap"/>
      <xsl:call-template name="repeat">
        <xsl:with-param name="text" select="'-'"/>
        <xsl:with-param name="count" select="@width"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$table-nl"/>
  </xsl:template>

  <!-- One row: its label wrapped, the values on the label's last line. -->
  <xsl:template name="row-lines">
    <xsl:param name="layout"/>
    <xsl:variable name="wrapped">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space(r:label)"/>
        <xsl:with-param name="width" select="$layout/@label"/>
        <xsl:with-param name="indent" select="' '"/>
        <xsl:with-param name="first-indent" select="''"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="label-lines-tree">
      <xsl:call-template name="split-lines"><xsl:with-param name="text" select="$wrapped"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="label-lines" select="exsl:node-set($label-lines-tree)/line"/>
    <xsl:for-each select="$label-lines[position() &lt; last()]">
      <xsl:value-of select="concat(., $table-nl)"/>
    </xsl:for-each>
    <xsl:variable name="values" select="r:values/r:value"/>
    <xsl:variable name="text">
      <xsl:call-template name="pad">
        <xsl:with-param name="text" select="$label-lines[last()]"/>
        <xsl:with-param name="width" select="$layout/@label"/>
      </xsl:call-template>
      <xsl:for-each select="$layout/column">
        <xsl:variable name="index" select="position()"/>
        <xsl:value-of select="$gap"/>
        <xsl:variable name="shown">
          <xsl:call-template name="value-text"><xsl:with-param name="value" select="$values[$index]"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="pad">
          <xsl:with-param name="text" select="$shown"/>
          <xsl:with-param name="width" select="@width"/>
          <xsl:with-param name="align" select="'right'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="trim-right"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    <xsl:value-of select="$table-nl"/>
  </xsl:template>

  <!-- <line> elements, one per newline-terminated line of $text; about 1,000 characters at a time, cut after a line end, so the nesting stays under libxslt's 3,000 calls however long the text. -->
  <xsl:template name="split-lines">
    <xsl:param name="text"/>
    <xsl:variable name="tail" select="substring($text, 1001)"/>
    <xsl:choose>
      <xsl:when test="contains($tail, $table-nl)">
        <xsl:call-template name="split-lines-of">
          <xsl:with-param name="text" select="concat(substring($text, 1, 1000), substring-before($tail, $table-nl), $table-nl)"/>
        </xsl:call-template>
        <xsl:call-template name="split-lines"><xsl:with-param name="text" select="substring-after($tail, $table-nl)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="split-lines-of"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="split-lines-of">
    <xsl:param name="text"/>
    <xsl:if test="contains($text, $table-nl)">
      <line><xsl:value-of select="substring-before($text, $table-nl)"/></line>
      <xsl:call-template name="split-lines-of">
        <xsl:with-param name="text" select="substring-after($text, $table-nl)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The length of the longest word of $text (at least $longest); about 1,000 characters at a time, cut after a space, so the nesting stays under libxslt's 3,000 calls however long the text. -->
  <xsl:template name="longest-word">
    <xsl:param name="text"/>
    <xsl:param name="longest" select="0"/>
    <xsl:variable name="tail" select="substring($text, 1001)"/>
    <xsl:choose>
      <xsl:when test="contains($tail, ' ')">
        <xsl:call-template name="longest-word">
          <xsl:with-param name="text" select="substring-after($tail, ' ')"/>
          <xsl:with-param name="longest">
            <xsl:call-template name="longest-word-of">
              <xsl:with-param name="text" select="concat(substring($text, 1, 1000), substring-before($tail, ' '))"/>
              <xsl:with-param name="longest" select="$longest"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="longest-word-of">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="longest" select="$longest"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="longest-word-of">
    <xsl:param name="text"/>
    <xsl:param name="longest" select="0"/>
    <xsl:variable name="word" select="substring-before(concat($text, ' '), ' ')"/>
    <xsl:variable name="length" select="string-length($word)"/>
    <xsl:variable name="best" select="$longest * number($longest &gt;= $length) + $length * number($length &gt; $longest)"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="longest-word-of">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="longest" select="$best"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$best"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text without its trailing spaces. By halves, not one call per space: a row of wide, empty
       columns ends in thousands of spaces, and libxslt stops at 3,000 nested calls. -->
  <xsl:template name="trim-right">
    <xsl:param name="text"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:variable name="half" select="ceiling($length div 2)"/>
    <xsl:choose>
      <xsl:when test="substring($text, $length) != ' '"><xsl:value-of select="$text"/></xsl:when>
      <xsl:when test="$length = 1"/>
      <xsl:when test="translate(substring($text, $half + 1), ' ', '') = ''">
        <xsl:call-template name="trim-right"><xsl:with-param name="text" select="substring($text, 1, $half)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($text, 1, $half)"/>
        <xsl:call-template name="trim-right"><xsl:with-param name="text" select="substring($text, $half + 1)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
