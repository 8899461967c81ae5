<?xml version="1.0" encoding="UTF-8"?>
<!-- One CSV row per XBRL fact (RFC 4180: a header row, CRLF line ends, a field quoted when it
     holds a comma, a quote or a line break, quotes doubled). A table fact's label and source
     lines are its row's; the value is the record's (whole units), written as the XML has it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="crlf" select="'&#13;&#10;'"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('concept,label,value,unit,decimals,period_start,period_end,period_instant,',
                                 'issuer,release_number,first_line,last_line', $crlf)"/>
    <xsl:apply-templates select="//r:release/r:facts/r:fact"/>
  </xsl:template>

  <xsl:template match="r:fact">
    <xsl:variable name="release" select="ancestor::r:release"/>
    <xsl:variable name="row" select="$release/r:tables/r:table[number(current()/r:table) + 1]
                                     /r:rows/r:row[number(current()/r:row) + 1]"/>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:concept"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$row/r:label"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:value"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:unit"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:decimals"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:start"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:end"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="r:period/r:instant"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$release/r:issuer/r:name"/></xsl:call-template>
    <xsl:call-template name="text-field"><xsl:with-param name="text" select="$release/r:release_number"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="text" select="$row/r:lines/@first"/></xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="text" select="$row/r:lines/@last"/>
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
