<?xml version="1.0" encoding="UTF-8"?>
<!-- The release as Markdown (CommonMark with GitHub pipe tables). Every text from the release is
     escaped, so "<script>", "*" or "[x](y)" in a release stay text: ASCII punctuation that
     Markdown reads is backslash-escaped, and a paragraph that would start a list or heading
     has its marker escaped. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="level" select="1 + number(count(//r:release) &gt; 1)"/>

  <xsl:template match="/">
    <xsl:if test="$level = 2">
      <xsl:text># </xsl:text>
      <xsl:call-template name="md">
        <xsl:with-param name="text" select="concat(count(//r:release), ' releases from ', (//r:source/r:name)[1])"/>
      </xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
    </xsl:if>
    <xsl:for-each select="//r:release">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="concat('* * *', $nl, $nl)"/></xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:release">
    <xsl:if test="r:exhibit or r:release_number">
      <xsl:variable name="eyebrow">
        <xsl:for-each select="r:exhibit">Exhibit <xsl:value-of select="."/></xsl:for-each>
        <xsl:if test="r:exhibit and r:release_number"> · </xsl:if>
        <xsl:for-each select="r:release_number">Release No. <xsl:value-of select="."/></xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="paragraph"><xsl:with-param name="text" select="$eyebrow"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="r:headline"><xsl:value-of select="r:headline"/></xsl:when>
          <xsl:when test="r:issuer/r:name"><xsl:value-of select="r:issuer/r:name"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Press release ', r:source/r:name)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="r:subheadline">
      <xsl:text>*</xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
      <xsl:value-of select="concat('*', $nl, $nl)"/>
    </xsl:for-each>
    <xsl:call-template name="cover-list"/>
    <xsl:if test="r:dateline and not(r:body/r:paragraph)">
      <xsl:call-template name="paragraph">
        <xsl:with-param name="strong" select="r:dateline/r:text"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="r:body/r:paragraph | r:tables/r:table | r:safe_harbor">
      <xsl:sort select="r:lines/@first" data-type="number"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="r:contacts[r:contact]"/>
    <xsl:call-template name="provenance"/>
  </xsl:template>

  <xsl:template name="cover-list">
    <xsl:for-each select="r:issuer[r:name or r:cik]">
      <xsl:call-template name="item">
        <xsl:with-param name="label" select="'Issuer'"/>
        <xsl:with-param name="text">
          <xsl:value-of select="r:name"/>
          <xsl:for-each select="r:cik"> (CIK <xsl:value-of select="."/>)</xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="r:securities/r:security">
      <xsl:call-template name="item">
        <xsl:with-param name="label" select="'Securities'"/>
        <xsl:with-param name="text">
          <xsl:for-each select="r:securities/r:security">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="concat(r:exchange, ': ', r:symbol)"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="r:wire">
      <xsl:call-template name="item">
        <xsl:with-param name="label" select="'Wire'"/>
        <xsl:with-param name="text">
          <xsl:value-of select="r:service"/>
          <xsl:for-each select="r:code"> (<xsl:value-of select="."/>)</xsl:for-each>
          <xsl:for-each select="r:slug"><xsl:value-of select="concat(' · ', .)"/></xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="r:dateline/r:date">
      <xsl:call-template name="item">
        <xsl:with-param name="label" select="'Date'"/>
        <xsl:with-param name="text">
          <xsl:call-template name="long-date"><xsl:with-param name="date" select="."/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="r:audience">
      <xsl:call-template name="item">
        <xsl:with-param name="label" select="'For'"/>
        <xsl:with-param name="text" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="r:issuer[r:name or r:cik] or r:securities/r:security or r:wire or r:dateline/r:date or r:audience">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="item">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:value-of select="concat('- **', $label, ':** ')"/>
    <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="r:paragraph">
    <xsl:call-template name="paragraph">
      <xsl:with-param name="strong" select="../../r:dateline[not(current()/preceding-sibling::r:paragraph)]/r:text"/>
      <xsl:with-param name="text" select="r:text"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One paragraph on one line; an optional bold run-in ($strong, the dateline) before it. -->
  <xsl:template name="paragraph">
    <xsl:param name="strong" select="''"/>
    <xsl:param name="text" select="''"/>
    <xsl:choose>
      <xsl:when test="normalize-space($strong) != ''">
        <xsl:text>**</xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($strong)"/></xsl:call-template>
        <xsl:text>**</xsl:text>
        <xsl:if test="normalize-space($text) != ''">
          <xsl:call-template name="dateline-separator"><xsl:with-param name="text" select="$strong"/></xsl:call-template>
          <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md-block"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($nl, $nl)"/>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="text"/>
    <xsl:value-of select="concat(substring('######', 1, $level), ' ')"/>
    <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
  </xsl:template>

  <xsl:template match="r:safe_harbor">
    <xsl:variable name="heading">
      <xsl:choose>
        <xsl:when test="r:heading"><xsl:value-of select="r:heading"/></xsl:when>
        <xsl:otherwise>Forward-looking statements</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:text>> **</xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($heading)"/></xsl:call-template>
    <xsl:value-of select="concat('**', $nl, '>', $nl, '> ')"/>
    <xsl:call-template name="md-block"><xsl:with-param name="text" select="normalize-space(r:text)"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
  </xsl:template>

  <!-- A pipe table: labels left, numbers right-aligned (":"), each cell escaped. -->
  <xsl:template match="r:table">
    <xsl:text>**</xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="text"><xsl:call-template name="table-caption"/></xsl:with-param></xsl:call-template>
    <xsl:text>**</xsl:text>
    <xsl:variable name="note"><xsl:call-template name="table-note-text"/></xsl:variable>
    <xsl:if test="$note != ''">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="text" select="$note"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:value-of select="concat($nl, $nl, '| ')"/>
    <xsl:for-each select="r:columns/r:column">
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space(r:label)"/></xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="concat(' |', $nl, '| ---')"/>
    <xsl:for-each select="r:columns/r:column"> | ---:</xsl:for-each>
    <xsl:value-of select="concat(' |', $nl)"/>
    <xsl:for-each select="r:rows/r:row">
      <xsl:text>| </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space(r:label)"/></xsl:call-template>
      <xsl:for-each select="r:values/r:value">
        <xsl:text> | </xsl:text>
        <xsl:call-template name="cell-text"><xsl:with-param name="value" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="concat(' |', $nl)"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="r:contacts">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level + 1"/>
      <xsl:with-param name="text" select="'Contacts'"/>
    </xsl:call-template>
    <xsl:for-each select="r:contact">
      <!-- Lines of one contact end in a backslash: a hard line break. -->
      <xsl:for-each select="r:name | r:title | r:organization | r:phone | r:fax | r:email">
        <xsl:if test="self::r:phone">Phone: </xsl:if>
        <xsl:if test="self::r:fax">Fax: </xsl:if>
        <xsl:if test="self::r:email">Email: </xsl:if>
        <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
        <xsl:if test="position() != last()">\</xsl:if>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="provenance">
    <xsl:variable name="text">
      <xsl:value-of select="concat('Converted by prconvert from ', r:source/r:name)"/>
      <xsl:for-each select="r:source/r:document/r:type">, document <xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="r:source/r:filing/r:accession_number">, accession <xsl:value-of select="."/></xsl:for-each>
      <xsl:value-of select="concat(' (', r:source/r:line_count, ' lines, SHA-256 ', substring(r:source/r:sha256, 1, 12), '…).')"/>
    </xsl:variable>
    <xsl:text>---&#10;&#10;*</xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
    <xsl:value-of select="concat('*', $nl)"/>
    <xsl:for-each select="r:warnings/r:warning">
      <xsl:if test="position() = 1"><xsl:value-of select="$nl"/></xsl:if>
      <xsl:text>- </xsl:text>
      <xsl:variable name="note">
        <xsl:for-each select="r:line">Line <xsl:value-of select="."/>: </xsl:for-each>
        <xsl:value-of select="concat(r:message, ' (', r:code, ')')"/>
      </xsl:variable>
      <xsl:call-template name="md"><xsl:with-param name="text" select="normalize-space($note)"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Text at the start of a block: also escape what would open a list, quote or heading there. -->
  <xsl:template name="md-block">
    <xsl:param name="text"/>
    <xsl:variable name="first" select="substring($text, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="($first = '-' or $first = '+' or $first = '=') and (substring($text, 2, 1) = ' ' or string-length($text) = 1 or translate($text, '-=', '') = '')">
        <xsl:value-of select="concat('\', $first)"/>
        <xsl:call-template name="md"><xsl:with-param name="text" select="substring($text, 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="translate($first, '0123456789', '') = '' and $first != ''">
        <xsl:call-template name="md-ordinal"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2004. Revenue ..." would start an ordered list: escape the dot (or parenthesis). -->
  <xsl:template name="md-ordinal">
    <xsl:param name="text"/>
    <xsl:param name="digits" select="''"/>
    <xsl:variable name="first" select="substring($text, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$first != '' and translate($first, '0123456789', '') = ''">
        <xsl:call-template name="md-ordinal">
          <xsl:with-param name="text" select="substring($text, 2)"/>
          <xsl:with-param name="digits" select="concat($digits, $first)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="($first = '.' or $first = ')') and (substring($text, 2, 1) = ' ' or string-length($text) = 1)">
        <xsl:value-of select="concat($digits, '\', $first)"/>
        <xsl:call-template name="md"><xsl:with-param name="text" select="substring($text, 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$digits"/>
        <xsl:call-template name="md"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inline text: backslash before each ASCII punctuation character Markdown gives a meaning.
       Long text is halved first, so the recursion stays shallow whatever the text holds. -->
  <xsl:template name="md">
    <xsl:param name="text"/>
    <xsl:variable name="half" select="floor(string-length($text) div 2)"/>
    <xsl:choose>
      <xsl:when test="$half &gt; 128">
        <xsl:call-template name="md"><xsl:with-param name="text" select="substring($text, 1, $half)"/></xsl:call-template>
        <xsl:call-template name="md"><xsl:with-param name="text" select="substring($text, $half + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md-escape"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="md-escape">
    <xsl:param name="text"/>
    <xsl:param name="specials" select="'\`*_[]&lt;&gt;&amp;|~#!'"/>
    <xsl:choose>
      <xsl:when test="$specials = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="char" select="substring($specials, 1, 1)"/>
        <xsl:choose>
          <xsl:when test="contains($text, $char)">
            <xsl:call-template name="md-escape">
              <xsl:with-param name="text" select="substring-before($text, $char)"/>
              <xsl:with-param name="specials" select="substring($specials, 2)"/>
            </xsl:call-template>
            <xsl:value-of select="concat('\', $char)"/>
            <xsl:call-template name="md-escape">
              <xsl:with-param name="text" select="substring-after($text, $char)"/>
              <xsl:with-param name="specials" select="$specials"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="md-escape">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="specials" select="substring($specials, 2)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
