<?xml version="1.0" encoding="UTF-8"?>
<!-- The canonical XML to an XBRL 2.1 instance of the prconvert taxonomy (schemas/taxonomy).

     Contexts: the entity is the filer's CIK (scheme http://www.sec.gov/CIK) when the EDGAR header
     gives one, else the first ticker as EXCHANGE:SYMBOL (scheme urn:x-prconvert:ticker), else the
     issuer's name (urn:x-prconvert:name). One context per period; a context gets a segment only
     where the period alone would not set its facts apart: prc:column names the table column of a
     Change column or of columns sharing a period (business segments), prc:row the row of a
     line-item fact, prc:release the release of a file holding several. Cover facts (document
     type, issuer, ticker, release number, headline, dateline date) stand at the release date.

     Pass 1 ("plan") turns every fact into one <f> with its context id and labels; pass 2 writes
     each context and unit once, then the facts. Adapt freely: the parameters below, or a template. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" xmlns:exsl="http://exslt.org/common" xmlns:set="http://exslt.org/sets"
                xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
                xmlns:utr="http://www.xbrl.org/2009/utr" xmlns:prc="http://prconvert.example/taxonomy/1.0"
                exclude-result-prefixes="r exsl set">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="taxonomy" select="'http://prconvert.example/taxonomy/1.0/prconvert.xsd'"/>
  <xsl:param name="ticker-scheme" select="'urn:x-prconvert:ticker'"/>
  <xsl:param name="name-scheme" select="'urn:x-prconvert:name'"/>
  <xsl:param name="now" select="''"/>
  <xsl:variable name="prc" select="'http://prconvert.example/taxonomy/1.0'"/>
  <!-- Every table row's label by release, table and row number, listed once: finding a row by its
       position in a long table for each of its facts made the time grow with rows times facts. -->
  <xsl:key name="row-label" match="row-label" use="@at"/>
  <xsl:variable name="row-labels">
    <xsl:for-each select="//r:release">
      <xsl:variable name="release" select="generate-id()"/>
      <xsl:for-each select="r:tables/r:table">
        <xsl:variable name="t" select="position() - 1"/>
        <xsl:for-each select="r:rows/r:row">
          <row-label at="{$release}/{$t}/{position() - 1}"><xsl:value-of select="r:label"/></row-label>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>

  <!-- Global, not local to "/": libxslt indexes keys of a global variable's tree once, but those of
       a local one again at every key() call. -->
  <xsl:variable name="planned">
    <xsl:for-each select="//r:release">
      <xsl:apply-templates select="." mode="plan">
        <xsl:with-param name="number" select="position()"/>
        <xsl:with-param name="several" select="count(//r:release) &gt; 1"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="plan" select="exsl:node-set($planned)/f"/>

  <!-- Each context and unit is written once, for the first fact that names it: set:distinct keeps
       the first node of each value in document order, in linear time (preceding-sibling scans and
       Muenchian keys grow with the square of the facts that share a context or unit). -->
  <xsl:template match="/">
    <xbrli:xbrl>
      <link:schemaRef xlink:type="simple" xlink:href="{$taxonomy}"/>
      <xsl:for-each select="set:distinct($plan/@ctx)/..">
        <xsl:call-template name="context"/>
      </xsl:for-each>
      <xsl:for-each select="set:distinct($plan[@unit != '']/@unit)/..">
        <xsl:call-template name="unit"/>
      </xsl:for-each>
      <xsl:for-each select="$plan">
        <xsl:element name="prc:{@concept}" namespace="{$prc}">
          <xsl:attribute name="contextRef"><xsl:value-of select="@ctx"/></xsl:attribute>
          <xsl:if test="@unit != ''">
            <xsl:attribute name="unitRef"><xsl:value-of select="@unit"/></xsl:attribute>
            <xsl:attribute name="decimals"><xsl:value-of select="@decimals"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="@value"/>
        </xsl:element>
      </xsl:for-each>
    </xbrli:xbrl>
  </xsl:template>

  <!-- Pass 1: one <f> per fact, carrying everything its context and element need. -->
  <xsl:template match="r:release" mode="plan">
    <xsl:param name="number"/>
    <xsl:param name="several"/>
    <xsl:variable name="prefix">
      <xsl:if test="$several"><xsl:value-of select="concat('r', $number, '-')"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="entity">
      <xsl:call-template name="entity"/>
    </xsl:variable>
    <xsl:variable name="release-label">
      <xsl:if test="$several">
        <xsl:value-of select="(r:source/r:document/r:type | r:exhibit)[1]"/>
        <xsl:if test="not(r:source/r:document/r:type | r:exhibit)">release</xsl:if>
      </xsl:if>
    </xsl:variable>
    <xsl:for-each select="r:facts/r:fact[r:table]">
      <xsl:call-template name="table-fact">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="entity" select="$entity"/>
        <xsl:with-param name="release" select="$number"/>
        <xsl:with-param name="release-label" select="$release-label"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="cover-facts">
      <xsl:with-param name="prefix" select="$prefix"/>
      <xsl:with-param name="entity" select="$entity"/>
      <xsl:with-param name="release" select="$number"/>
      <xsl:with-param name="release-label" select="$release-label"/>
    </xsl:call-template>
  </xsl:template>

  <!-- scheme|identifier of the release's entity -->
  <xsl:template name="entity">
    <xsl:variable name="cik" select="(r:source/r:filing/r:cik | r:issuer/r:cik)[1]"/>
    <xsl:variable name="security" select="r:securities/r:security[1]"/>
    <xsl:choose>
      <xsl:when test="$cik">http://www.sec.gov/CIK|<xsl:value-of select="$cik"/></xsl:when>
      <xsl:when test="$security">
        <xsl:value-of select="concat($ticker-scheme, '|', translate($security/r:exchange, ' ', '_'), ':', $security/r:symbol)"/>
      </xsl:when>
      <xsl:when test="r:issuer/r:name">
        <xsl:value-of select="concat($name-scheme, '|', normalize-space(r:issuer/r:name))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($name-scheme, '|', r:source/r:sha256)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-fact">
    <xsl:param name="prefix"/>
    <xsl:param name="entity"/>
    <xsl:param name="release"/>
    <xsl:param name="release-label"/>
    <xsl:variable name="t" select="number(r:table)"/>
    <xsl:variable name="table" select="../../r:tables/r:table[$t + 1]"/>
    <xsl:variable name="column" select="$table/r:columns/r:column[number(current()/r:column) + 1]"/>
    <xsl:variable name="p" select="$column/r:period"/>
    <xsl:variable name="by-column" select="not($p) or count($table/r:columns/r:column[
        string(r:period/r:start) = string($p/r:start) and string(r:period/r:end) = string($p/r:end)
        and string(r:period/r:instant) = string($p/r:instant)]) &gt; 1"/>
    <xsl:variable name="by-row" select="starts-with(r:concept, 'LineItem')"/>
    <xsl:variable name="ctx">
      <xsl:value-of select="$prefix"/>
      <xsl:call-template name="period-id"/>
      <xsl:if test="$by-column"><xsl:value-of select="concat('-t', r:table, 'c', r:column)"/></xsl:if>
      <xsl:if test="$by-row"><xsl:value-of select="concat('-t', r:table, 'r', r:row)"/></xsl:if>
    </xsl:variable>
    <f ctx="{$ctx}" concept="{r:concept}" value="{r:value}" unit="{r:unit}" decimals="{r:decimals}"
       entity="{$entity}" start="{r:period/r:start}" end="{r:period/r:end}" instant="{r:period/r:instant}"
       release="{$release}" release-label="{$release-label}" table="{r:table}" fact="{generate-id()}">
      <xsl:if test="$by-column">
        <xsl:attribute name="column"><xsl:value-of select="r:column"/></xsl:attribute>
        <xsl:attribute name="column-label"><xsl:value-of select="$column/r:label"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$by-row">
        <xsl:attribute name="row"><xsl:value-of select="r:row"/></xsl:attribute>
        <xsl:variable name="at" select="concat(generate-id(ancestor::r:release), '/', r:table, '/', r:row)"/>
        <xsl:attribute name="row-label">
          <xsl:for-each select="exsl:node-set($row-labels)"><xsl:value-of select="key('row-label', $at)"/></xsl:for-each>
        </xsl:attribute>
      </xsl:if>
    </f>
  </xsl:template>

  <xsl:template name="period-id">
    <xsl:choose>
      <xsl:when test="r:period/r:instant"><xsl:value-of select="concat('c-I', r:period/r:instant)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('c-D', r:period/r:start, '_', r:period/r:end)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Cover facts at the release date: the dateline's, else the filing date. -->
  <xsl:template name="cover-facts">
    <xsl:param name="prefix"/>
    <xsl:param name="entity"/>
    <xsl:param name="release"/>
    <xsl:param name="release-label"/>
    <xsl:variable name="date">
      <xsl:choose>
        <xsl:when test="r:dateline/r:date"><xsl:value-of select="r:dateline/r:date"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="r:source/r:filing/r:filed"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$date != ''">
      <xsl:variable name="common">
        <f ctx="{concat($prefix, 'c-I', $date)}" entity="{$entity}" instant="{$date}" release="{$release}"
           release-label="{$release-label}" unit=""/>
      </xsl:variable>
      <xsl:variable name="at" select="exsl:node-set($common)/f"/>
      <xsl:variable name="document-type">
        <xsl:choose>
          <xsl:when test="r:source/r:document/r:type"><xsl:value-of select="r:source/r:document/r:type"/></xsl:when>
          <xsl:when test="r:exhibit"><xsl:value-of select="concat('EX-', r:exhibit)"/></xsl:when>
          <xsl:otherwise>press release</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'DocumentType'"/><xsl:with-param name="value" select="$document-type"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'EntityRegistrantName'"/><xsl:with-param name="value" select="(r:issuer/r:name | r:source/r:filing/r:company_name)[1]"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'EntityCentralIndexKey'"/><xsl:with-param name="value" select="(r:source/r:filing/r:cik | r:issuer/r:cik)[1]"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'TradingSymbol'"/><xsl:with-param name="value" select="r:securities/r:security[1]/r:symbol"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'SecurityExchangeName'"/><xsl:with-param name="value" select="r:securities/r:security[1]/r:exchange"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'ReleaseNumber'"/><xsl:with-param name="value" select="r:release_number"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'Headline'"/><xsl:with-param name="value" select="r:headline"/></xsl:call-template>
      <xsl:call-template name="cover"><xsl:with-param name="at" select="$at"/><xsl:with-param name="concept" select="'DatelineDate'"/><xsl:with-param name="value" select="r:dateline/r:date"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cover">
    <xsl:param name="at"/>
    <xsl:param name="concept"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <f concept="{$concept}" value="{normalize-space($value)}">
        <xsl:copy-of select="$at/@*"/>
      </f>
    </xsl:if>
  </xsl:template>

  <!-- Pass 2 -->
  <xsl:template name="context">
    <xbrli:context id="{@ctx}">
      <xbrli:entity>
        <xbrli:identifier scheme="{substring-before(@entity, '|')}"><xsl:value-of select="substring-after(@entity, '|')"/></xbrli:identifier>
        <xsl:if test="@release-label != '' or @column or @row">
          <xbrli:segment>
            <xsl:if test="@release-label != ''">
              <prc:release number="{@release}"><xsl:value-of select="@release-label"/></prc:release>
            </xsl:if>
            <xsl:if test="@column">
              <prc:column table="{@table}" column="{@column}"><xsl:value-of select="@column-label"/></prc:column>
            </xsl:if>
            <xsl:if test="@row">
              <prc:row table="{@table}" row="{@row}"><xsl:value-of select="@row-label"/></prc:row>
            </xsl:if>
          </xbrli:segment>
        </xsl:if>
      </xbrli:entity>
      <xbrli:period>
        <xsl:choose>
          <xsl:when test="@instant != ''"><xbrli:instant><xsl:value-of select="@instant"/></xbrli:instant></xsl:when>
          <xsl:otherwise>
            <xbrli:startDate><xsl:value-of select="@start"/></xbrli:startDate>
            <xbrli:endDate><xsl:value-of select="@end"/></xbrli:endDate>
          </xsl:otherwise>
        </xsl:choose>
      </xbrli:period>
    </xbrli:context>
  </xsl:template>

  <xsl:template name="unit">
    <xbrli:unit id="{@unit}">
      <xsl:choose>
        <xsl:when test="@unit = 'USD'"><xbrli:measure>iso4217:USD</xbrli:measure></xsl:when>
        <xsl:when test="@unit = 'shares'"><xbrli:measure>xbrli:shares</xbrli:measure></xsl:when>
        <xsl:when test="@unit = 'USD-per-share'">
          <xbrli:divide>
            <xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unitNumerator>
            <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
          </xbrli:divide>
        </xsl:when>
        <xsl:when test="@unit = 'kWh'"><xbrli:measure>utr:kWh</xbrli:measure></xsl:when>
        <xsl:otherwise><xbrli:measure>xbrli:pure</xbrli:measure></xsl:otherwise>
      </xsl:choose>
    </xbrli:unit>
  </xsl:template>
</xsl:stylesheet>
