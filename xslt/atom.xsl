<?xml version="1.0" encoding="UTF-8"?>
<!-- An Atom 1.0 (RFC 4287) entry per release; an input with several releases becomes a feed.
     The entry's id is stable: the input's SHA-256, its EDGAR document and the release's first
     line. Atom requires "updated": the dateline's date, else the filing date, else the time of
     the conversion ($now, which SOURCE_DATE_EPOCH fixes). "published" is given only when the
     release or filing is dated. The content is XHTML: paragraphs, tables, safe harbor. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" xmlns="http://www.w3.org/2005/Atom"
                exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="now" select="'1970-01-01T00:00:00Z'"/>
  <xsl:param name="lang" select="'en'"/>

  <xsl:template match="/r:releases">
    <feed xml:lang="{$lang}">
      <id><xsl:value-of select="concat('urn:x-prconvert:source:', r:release[1]/r:source/r:sha256)"/></id>
      <title type="text">
        <xsl:value-of select="concat('Press releases from ', r:release[1]/r:source/r:name)"/>
      </title>
      <updated>
        <xsl:choose>
          <xsl:when test="r:release[not(r:dateline/r:date or r:source/r:filing/r:filed)]">
            <xsl:value-of select="$now"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- the latest entry: sorting by the dateline's date, then the filing's -->
            <xsl:for-each select="r:release">
              <xsl:sort select="concat(r:dateline/r:date, r:source/r:filing/r:filed)" order="descending"/>
              <xsl:if test="position() = 1"><xsl:call-template name="updated"/></xsl:if>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </updated>
      <generator uri="urn:x-prconvert">prconvert</generator>
      <xsl:apply-templates select="r:release"/>
    </feed>
  </xsl:template>

  <xsl:template match="r:release">
    <entry>
      <xsl:if test="not(parent::r:releases)">
        <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <id>
        <xsl:value-of select="concat('urn:x-prconvert:release:', r:source/r:sha256, ':',
                                     number(concat('0', r:source/r:document/r:sequence)), ':',
                                     r:blocks/r:block[1]/r:lines/@first)"/>
      </id>
      <title type="text"><xsl:call-template name="title"/></title>
      <updated><xsl:call-template name="updated"/></updated>
      <xsl:if test="r:dateline/r:date or r:source/r:filing/r:filed">
        <published><xsl:call-template name="updated"/></published>
      </xsl:if>
      <author>
        <name>
          <xsl:choose>
            <xsl:when test="r:issuer/r:name"><xsl:value-of select="r:issuer/r:name"/></xsl:when>
            <xsl:when test="r:source/r:filing/r:company_name"><xsl:value-of select="r:source/r:filing/r:company_name"/></xsl:when>
            <xsl:otherwise>Unknown issuer</xsl:otherwise>
          </xsl:choose>
        </name>
      </author>
      <xsl:for-each select="r:securities/r:security">
        <category term="{r:exchange}:{r:symbol}" scheme="urn:x-prconvert:security" label="{r:exchange}: {r:symbol}"/>
      </xsl:for-each>
      <xsl:if test="r:body/r:paragraph">
        <summary type="text"><xsl:value-of select="r:body/r:paragraph[1]/r:text"/></summary>
      </xsl:if>
      <content type="xhtml">
        <div xmlns="http://www.w3.org/1999/xhtml">
          <xsl:for-each select="r:dateline[not(../r:body/r:paragraph)]">
            <p xmlns="http://www.w3.org/1999/xhtml"><strong><xsl:value-of select="r:text"/></strong></p>
          </xsl:for-each>
          <xsl:apply-templates select="r:body/r:paragraph | r:tables/r:table | r:safe_harbor">
            <xsl:sort select="r:lines/@first" data-type="number"/>
          </xsl:apply-templates>
        </div>
      </content>
    </entry>
  </xsl:template>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="r:headline"><xsl:value-of select="r:headline"/></xsl:when>
      <xsl:when test="r:issuer/r:name"><xsl:value-of select="r:issuer/r:name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('Press release ', r:source/r:name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An RFC 3339 timestamp: a date at midnight UTC, or the conversion time. -->
  <xsl:template name="updated">
    <xsl:choose>
      <xsl:when test="r:dateline/r:date"><xsl:value-of select="concat(r:dateline/r:date, 'T00:00:00Z')"/></xsl:when>
      <xsl:when test="r:source/r:filing/r:filed"><xsl:value-of select="concat(r:source/r:filing/r:filed, 'T00:00:00Z')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$now"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:paragraph" xmlns="http://www.w3.org/1999/xhtml">
    <p>
      <xsl:if test="not(preceding-sibling::r:paragraph) and ../../r:dateline">
        <strong><xsl:value-of select="../../r:dateline/r:text"/></strong>
        <xsl:call-template name="dateline-separator">
          <xsl:with-param name="text" select="../../r:dateline/r:text"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:value-of select="r:text"/>
    </p>
  </xsl:template>

  <xsl:template match="r:safe_harbor" xmlns="http://www.w3.org/1999/xhtml">
    <blockquote>
      <p>
        <strong>
          <xsl:choose>
            <xsl:when test="r:heading"><xsl:value-of select="r:heading"/></xsl:when>
            <xsl:otherwise>Forward-looking statements</xsl:otherwise>
          </xsl:choose>
        </strong>
      </p>
      <p><xsl:value-of select="r:text"/></p>
    </blockquote>
  </xsl:template>

  <xsl:template match="r:table" xmlns="http://www.w3.org/1999/xhtml">
    <table>
      <caption>
        <xsl:call-template name="table-caption"/>
        <xsl:variable name="note"><xsl:call-template name="table-note-text"/></xsl:variable>
        <xsl:if test="$note != ''"><xsl:value-of select="concat(' (', $note, ')')"/></xsl:if>
      </caption>
      <thead>
        <tr>
          <td/>
          <xsl:for-each select="r:columns/r:column">
            <th scope="col"><xsl:value-of select="r:label"/></th>
          </xsl:for-each>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="r:rows/r:row">
          <tr>
            <th scope="row"><xsl:value-of select="r:label"/></th>
            <xsl:for-each select="r:values/r:value">
              <td style="text-align: right">
                <xsl:call-template name="cell-text"><xsl:with-param name="value" select="."/></xsl:call-template>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
