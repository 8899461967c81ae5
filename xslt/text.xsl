<?xml version="1.0" encoding="UTF-8"?>
<!-- The release cleanly re-typeset as plain text: paragraphs reflowed to $width columns, tables
     re-aligned (labels left, numbers right, headers wrapped over their columns), the safe harbor
     indented, contacts and the source at the end. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:import href="text-table.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="width" select="72"/>
  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:for-each select="//r:release">
      <xsl:if test="position() &gt; 1">
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="repeat">
          <xsl:with-param name="text" select="'='"/>
          <xsl:with-param name="count" select="$width"/>
        </xsl:call-template>
        <xsl:value-of select="concat($nl, $nl)"/>
      </xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:release">
    <xsl:call-template name="masthead"/>
    <xsl:call-template name="cover-list"/>
    <xsl:if test="r:dateline and not(r:body/r:paragraph)">
      <xsl:value-of select="concat(r:dateline/r:text, $nl, $nl)"/>
    </xsl:if>
    <xsl:apply-templates select="r:body/r:paragraph | r:tables/r:table | r:safe_harbor">
      <xsl:sort select="r:lines/@first" data-type="number"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="r:contacts[r:contact]"/>
    <xsl:call-template name="provenance"/>
  </xsl:template>

  <xsl:template name="masthead">
    <xsl:if test="r:exhibit or r:release_number">
      <xsl:for-each select="r:exhibit">Exhibit <xsl:value-of select="."/></xsl:for-each>
      <xsl:if test="r:exhibit and r:release_number"> | </xsl:if>
      <xsl:for-each select="r:release_number">Release No. <xsl:value-of select="."/></xsl:for-each>
      <xsl:value-of select="concat($nl, $nl)"/>
    </xsl:if>
    <xsl:variable name="headline">
      <xsl:choose>
        <xsl:when test="r:headline"><xsl:value-of select="r:headline"/></xsl:when>
        <xsl:when test="r:issuer/r:name"><xsl:value-of select="r:issuer/r:name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('Press release ', r:source/r:name)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="heading">
      <xsl:with-param name="text" select="$headline"/>
      <xsl:with-param name="rule" select="'='"/>
    </xsl:call-template>
    <xsl:for-each select="r:subheadline">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space(.)"/>
        <xsl:with-param name="width" select="$width"/>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Wrapped text underlined with $rule as wide as its widest line. -->
  <xsl:template name="heading">
    <xsl:param name="text"/>
    <xsl:param name="rule"/>
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="lines">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="width" select="$width"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="widest">
      <xsl:call-template name="widest-line"><xsl:with-param name="text" select="$lines"/></xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$lines"/>
    <xsl:value-of select="$indent"/>
    <xsl:call-template name="repeat">
      <xsl:with-param name="text" select="$rule"/>
      <xsl:with-param name="count" select="$widest - string-length($indent)"/>
    </xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
  </xsl:template>

  <!-- Who and when, one labelled line each. -->
  <xsl:template name="cover-list">
    <xsl:variable name="rows">
      <xsl:for-each select="r:issuer[r:name or r:cik]">
        <xsl:call-template name="cover-line">
          <xsl:with-param name="label" select="'Issuer:'"/>
          <xsl:with-param name="text">
            <xsl:value-of select="r:name"/>
            <xsl:for-each select="r:cik"> (CIK <xsl:value-of select="."/>)</xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="r:securities/r:security">
        <xsl:call-template name="cover-line">
          <xsl:with-param name="label" select="'Securities:'"/>
          <xsl:with-param name="text">
            <xsl:for-each select="r:securities/r:security">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="concat(r:exchange, ': ', r:symbol)"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:for-each select="r:wire">
        <xsl:call-template name="cover-line">
          <xsl:with-param name="label" select="'Wire:'"/>
          <xsl:with-param name="text">
            <xsl:value-of select="r:service"/>
            <xsl:for-each select="r:code"> (<xsl:value-of select="."/>)</xsl:for-each>
            <xsl:for-each select="r:slug"> <xsl:value-of select="concat(' ', .)"/></xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="r:dateline/r:date">
        <xsl:call-template name="cover-line">
          <xsl:with-param name="label" select="'Date:'"/>
          <xsl:with-param name="text">
            <xsl:call-template name="long-date"><xsl:with-param name="date" select="."/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="r:audience">
        <xsl:call-template name="cover-line">
          <xsl:with-param name="label" select="'For:'"/>
          <xsl:with-param name="text" select="."/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($rows) != ''">
      <xsl:value-of select="concat($rows, $nl)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cover-line">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:variable name="first">
      <xsl:call-template name="pad">
        <xsl:with-param name="text" select="$label"/>
        <xsl:with-param name="width" select="12"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="first-indent" select="$first"/>
      <xsl:with-param name="indent" select="'            '"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:paragraph">
    <xsl:variable name="lead">
      <xsl:if test="not(preceding-sibling::r:paragraph) and ../../r:dateline">
        <xsl:value-of select="normalize-space(../../r:dateline/r:text)"/>
        <xsl:call-template name="dateline-separator">
          <xsl:with-param name="text" select="../../r:dateline/r:text"/>
          <xsl:with-param name="dash" select="' -- '"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space(concat($lead, r:text))"/>
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="r:safe_harbor">
    <xsl:call-template name="heading">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="r:heading"><xsl:value-of select="r:heading"/></xsl:when>
          <xsl:otherwise>Forward-looking statements</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="rule" select="'-'"/>
      <xsl:with-param name="indent" select="'    '"/>
    </xsl:call-template>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space(r:text)"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="indent" select="'    '"/>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="r:contacts">
    <xsl:call-template name="heading">
      <xsl:with-param name="text" select="'Contacts'"/>
      <xsl:with-param name="rule" select="'-'"/>
    </xsl:call-template>
    <xsl:for-each select="r:contact">
      <xsl:for-each select="r:name | r:title | r:organization">
        <xsl:value-of select="concat(., $nl)"/>
      </xsl:for-each>
      <xsl:for-each select="r:phone"><xsl:value-of select="concat('Phone: ', ., $nl)"/></xsl:for-each>
      <xsl:for-each select="r:fax"><xsl:value-of select="concat('Fax: ', ., $nl)"/></xsl:for-each>
      <xsl:for-each select="r:email"><xsl:value-of select="concat('Email: ', ., $nl)"/></xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="provenance">
    <xsl:variable name="text">
      <xsl:value-of select="concat('Converted by prconvert from ', r:source/r:name)"/>
      <xsl:for-each select="r:source/r:document/r:type">, document <xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="r:source/r:filing/r:accession_number">, accession <xsl:value-of select="."/></xsl:for-each>
      <xsl:value-of select="concat(' (', r:source/r:line_count, ' lines, SHA-256 ', substring(r:source/r:sha256, 1, 12), '...).')"/>
    </xsl:variable>
    <xsl:value-of select="concat('--', $nl)"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/>
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:for-each select="r:warnings/r:warning">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:text>Note: </xsl:text>
          <xsl:for-each select="r:line">line <xsl:value-of select="."/>: </xsl:for-each>
          <xsl:value-of select="concat(normalize-space(r:message), ' (', r:code, ')')"/>
        </xsl:with-param>
        <xsl:with-param name="width" select="$width"/>
        <xsl:with-param name="indent" select="'  '"/>
        <xsl:with-param name="first-indent" select="''"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The length of the longest line of $text (lines end with a newline), at least $widest;
       about 1,000 characters at a time, cut after a line end, so the nesting stays under libxslt's 3,000 calls however long the text. -->
  <xsl:template name="widest-line">
    <xsl:param name="text"/>
    <xsl:param name="widest" select="0"/>
    <xsl:variable name="tail" select="substring($text, 1001)"/>
    <xsl:choose>
      <xsl:when test="contains($tail, $nl)">
        <xsl:call-template name="widest-line">
          <xsl:with-param name="text" select="substring-after($tail, $nl)"/>
          <xsl:with-param name="widest">
            <xsl:call-template name="widest-line-of">
              <xsl:with-param name="text" select="concat(substring($text, 1, 1000), substring-before($tail, $nl), $nl)"/>
              <xsl:with-param name="widest" select="$widest"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="widest-line-of">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="widest" select="$widest"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="widest-line-of">
    <xsl:param name="text"/>
    <xsl:param name="widest" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($text, $nl)">
        <xsl:variable name="length" select="string-length(substring-before($text, $nl))"/>
        <xsl:call-template name="widest-line-of">
          <xsl:with-param name="text" select="substring-after($text, $nl)"/>
          <xsl:with-param name="widest" select="$widest * number($widest &gt;= $length) + $length * number($length &gt; $widest)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$widest"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
