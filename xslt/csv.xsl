<?xml version="1.0" encoding="UTF-8"?>
<!-- One CSV row per XBRL fact (RFC 4180: a header row, CRLF line ends, a field quoted when it
     holds a comma, a quote or a line break, quotes doubled). A table fact's label and source
     lines are its row's; the value is the record's (whole units), written as the XML has it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="crlf" select="'&#13;&#10;'"/>

  <!-- Every table row by release, table and row number, listed once in a global tree (whose key
       libxslt indexes once): finding a fact's row by its position in a long table made the time
       grow with facts times rows. -->
  <xsl:key name="row-at" match="row" use="@at"/>
  <xsl:variable name="rows">
    <xsl:for-each select="//r:release">
      <xsl:variable name="release" select="generate-id()"/>
      <xsl:for-each select="r:tables/r:table">
        <xsl:variable name="t" select="position() - 1"/>
        <xsl:for-each select="r:rows/r:row">
          <row at="{$release}/{$t}/{position() - 1}" label="{r:label}" first="{r:lines/@first}" last="{r:lines/@last}"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="rows-root" select="exsl:node-set($rows)"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('concept,label,value,unit,decimals,period_start,period_end,period_instant,',
                                 'issuer,release_number,first_line,last_line', $crlf)"/>
    <xsl:apply-templates select="//r:release/r:facts/r:fact"/>
  </xsl:template>

  <xsl:template match="r:fact">
    <xsl:variable name="release" select="ancestor::r:release"/>
    <xsl:variable name="at" select="concat(generate-id($release), '/', r:table, '/', r:row)"/>
    <xsl:variable name="found">
      <xsl:for-each select="$rows-root"><xsl:copy-of select="key('row-at', $at)"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="row" select="exsl:node-set($found)/row"/>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:concept"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$row/@label"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:value"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:unit"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:decimals"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:start"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:end"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:instant"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$release/r:issuer/r:name"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$release/r:release_number"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="$row/@first"/></xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="text" select="$row/@last"/>
      <xsl:with-param name="end" select="$crlf"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A field of text from the release: one a spreadsheet would read as a formula (=, +, -, @, tab
       or carriage return first) gets a leading apostrophe, so "=HYPERLINK(...)" stays text and
       fetches nothing (OWASP, CSV injection). Numbers are written by "field" and keep their sign. -->
  <xsl:template name="text-field">
    <xsl:param name="text"/>
    <xsl:variable name="value" select="string($text)"/>
    <xsl:call-template name="field">
      <xsl:with-param name="text">
        <xsl:if test="$value != '' and contains('=+-@&#9;&#13;', substring($value, 1, 1))">'</xsl:if>
        <xsl:value-of select="$value"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One field: quoted (quotes doubled) only when it must be. -->
  <xsl:template name="field">
    <xsl:param name="text"/>
    <xsl:param name="end" select="','"/>
    <xsl:variable name="value" select="string($text)"/>
    <xsl:choose>
      <xsl:when test="contains($value, ',') or contains($value, '&quot;') or contains($value, '&#10;') or contains($value, '&#13;')">
        <xsl:text>"</xsl:text>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="$value"/>
          <xsl:with-param name="from" select="'&quot;'"/>
          <xsl:with-param name="to" select="'&quot;&quot;'"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$end"/>
  </xsl:template>
</xsl:stylesheet>
