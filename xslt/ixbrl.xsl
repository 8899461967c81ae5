<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML page (page.xsl) as an Inline XBRL 1.1 document holding exactly the facts of the XBRL
     instance (xbrl.xsl): its plan gives every fact's concept, context and unit, and its context
     and unit templates write the ix:resources. Each fact is tagged where the page shows it
     (table cells as ix:nonFraction; issuer, CIK, first ticker and exchange, release number,
     headline and date as ix:nonNumeric); the rest go to ix:hidden.
     Two passes: page.xsl builds the page with the ix elements in place, then the page is copied
     into the XHTML namespace, HTML5-only elements and attributes rewritten to XHTML 1.1 (the
     Inline XBRL schema's XHTML). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" xmlns:exsl="http://exslt.org/common" xmlns:set="http://exslt.org/sets"
                xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                exclude-result-prefixes="r exsl set">
  <!-- page.xsl last: its "/" and r:release templates take precedence over xbrl.xsl's. -->
  <xsl:import href="xbrl.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="xhtml" select="'http://www.w3.org/1999/xhtml'"/>
  <!-- Declared once, on the html element. -->
  <xsl:variable name="namespaces">
    <namespaces xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
                xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
                xmlns:xbrli="http://www.xbrl.org/2003/instance"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
                xmlns:utr="http://www.xbrl.org/2009/utr"
                xmlns:prc="http://prconvert.example/taxonomy/1.0"/>
  </xsl:variable>

  <!-- The instance's facts, as xbrl.xsl plans them: per release, its table facts in record
       order, then its cover facts. -->
  <xsl:variable name="planned">
    <xsl:for-each select="//r:release">
      <xsl:apply-templates select="." mode="plan">
        <xsl:with-param name="number" select="position()"/>
        <xsl:with-param name="several" select="count(//r:release) &gt; 1"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="plan" select="exsl:node-set($planned)/f"/>
  <!-- The plan's root alone: a variable is copied at every reference, so per table cell this one
       node, not the thousands of $plan, switches key() to the plan's tree. -->
  <xsl:variable name="plan-root" select="exsl:node-set($planned)"/>
  <xsl:variable name="source" select="/"/>

  <xsl:key name="fact-at-cell" match="r:fact[r:table]"
           use="concat(generate-id(ancestor::r:release), '/', r:table, '/', r:row, '/', r:column)"/>
  <!-- A table fact's planned <f> by the id of its r:fact (xbrl.xsl writes it as @fact). -->
  <xsl:key name="planned-fact" match="f[@fact]" use="@fact"/>

  <xsl:template match="/">
    <xsl:variable name="page"><xsl:apply-imports/></xsl:variable>
    <xsl:apply-templates select="exsl:node-set($page)/*" mode="xhtml"/>
  </xsl:template>

  <xsl:template name="before-content">
    <div style="display:none">
      <ix:header>
        <xsl:variable name="hidden-tree">
          <xsl:for-each select="$plan[not(@table)]">
            <xsl:variable name="number" select="@release"/>
            <xsl:variable name="shown">
              <xsl:apply-templates select="($source//r:release)[position() = $number]" mode="shown">
                <xsl:with-param name="concept" select="@concept"/>
              </xsl:apply-templates>
            </xsl:variable>
            <xsl:if test="$shown != @value">
              <xsl:apply-templates select="." mode="tag"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="string($hidden-tree) != ''">
          <ix:hidden><xsl:copy-of select="$hidden-tree"/></ix:hidden>
        </xsl:if>
        <ix:references>
          <link:schemaRef xlink:type="simple" xlink:href="{$taxonomy}"/>
        </ix:references>
        <ix:resources>
          <xsl:for-each select="set:distinct($plan/@ctx)/..">
            <xsl:call-template name="context"/>
          </xsl:for-each>
          <xsl:for-each select="set:distinct($plan[@unit != '']/@unit)/..">
            <xsl:call-template name="unit"/>
          </xsl:for-each>
        </ix:resources>
      </ix:header>
    </div>
  </xsl:template>

  <!-- Which cover fact a value on the page is ("" for none), and the value the page shows for a
       cover concept: the two must agree, so a fact is tagged in place or hidden, never both. -->
  <xsl:template match="*" mode="concept"/>
  <xsl:template match="r:release/r:issuer/r:name" mode="concept">EntityRegistrantName</xsl:template>
  <xsl:template match="r:release/r:issuer/r:cik" mode="concept">EntityCentralIndexKey</xsl:template>
  <xsl:template match="r:securities/r:security[1]/r:symbol" mode="concept">TradingSymbol</xsl:template>
  <xsl:template match="r:securities/r:security[1]/r:exchange" mode="concept">SecurityExchangeName</xsl:template>
  <xsl:template match="r:release/r:release_number" mode="concept">ReleaseNumber</xsl:template>
  <xsl:template match="r:release/r:headline" mode="concept">Headline</xsl:template>
  <xsl:template match="r:dateline/r:date" mode="concept">DatelineDate</xsl:template>

  <xsl:template match="r:release" mode="shown">
    <xsl:param name="concept"/>
    <xsl:for-each select="r:issuer/r:name | r:issuer/r:cik | r:securities/r:security[1]/r:symbol
                          | r:securities/r:security[1]/r:exchange | r:release_number | r:headline | r:dateline/r:date">
      <xsl:variable name="mine"><xsl:apply-templates select="." mode="concept"/></xsl:variable>
      <xsl:if test="$mine = $concept"><xsl:value-of select="normalize-space(.)"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A cover value: tagged as its fact where there is one. -->
  <xsl:template match="r:name | r:cik | r:release_number | r:headline | r:exchange | r:symbol | r:date" mode="value">
    <xsl:variable name="concept"><xsl:apply-templates select="." mode="concept"/></xsl:variable>
    <xsl:variable name="number" select="count(ancestor::r:release/preceding-sibling::r:release) + 1"/>
    <xsl:variable name="fact" select="$plan[@release = $number][not(@table)][@concept = $concept][@value = normalize-space(current())][1]"/>
    <xsl:choose>
      <xsl:when test="$concept != '' and $fact">
        <xsl:apply-templates select="$fact" mode="tag">
          <xsl:with-param name="shown-as-date" select="boolean(self::r:date)"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A table cell: tagged as its fact, the planned fact in the same place of the release's table
       facts. -->
  <xsl:template match="r:value" mode="value">
    <xsl:param name="table"/>
    <xsl:param name="row"/>
    <xsl:param name="column"/>
    <xsl:variable name="record"
                  select="key('fact-at-cell', concat(generate-id(ancestor::r:release), '/', $table, '/', $row, '/', $column))[1]"/>
    <xsl:variable name="record-id" select="generate-id($record)"/>
    <!-- key() looks in the context node's document, so the lookup runs with a planned fact as context. -->
    <xsl:variable name="found">
      <xsl:for-each select="$plan-root"><xsl:copy-of select="key('planned-fact', $record-id)"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="fact" select="exsl:node-set($found)/f"/>
    <xsl:choose>
      <xsl:when test="$record and $fact[@unit != ''][string(number(@value)) != 'NaN']">
        <xsl:if test="number($fact/@value) &lt; 0">(</xsl:if>
        <xsl:apply-templates select="$fact" mode="tag"/>
        <xsl:if test="number($fact/@value) &lt; 0">)</xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A planned fact as an ix element. Numbers appear as printed (num-dot-decimal, the sign
       outside the tag); a date shown in words uses the month-name transformation. -->
  <xsl:template match="f" mode="tag">
    <xsl:param name="shown-as-date" select="false()"/>
    <xsl:choose>
      <xsl:when test="@unit != ''">
        <ix:nonFraction name="prc:{@concept}" contextRef="{@ctx}" unitRef="{@unit}" decimals="{@decimals}"
                        scale="0" format="ixt:num-dot-decimal">
          <xsl:if test="@decimals = ''"><xsl:attribute name="decimals">INF</xsl:attribute></xsl:if>
          <xsl:if test="number(@value) &lt; 0"><xsl:attribute name="sign">-</xsl:attribute></xsl:if>
          <xsl:call-template name="amount">
            <xsl:with-param name="value" select="number(@value) * (1 - 2 * number(number(@value) &lt; 0))"/>
          </xsl:call-template>
        </ix:nonFraction>
      </xsl:when>
      <xsl:when test="$shown-as-date">
        <ix:nonNumeric name="prc:{@concept}" contextRef="{@ctx}" format="ixt:date-monthname-day-year-en">
          <xsl:call-template name="long-date"><xsl:with-param name="date" select="@value"/></xsl:call-template>
        </ix:nonNumeric>
      </xsl:when>
      <xsl:otherwise>
        <ix:nonNumeric name="prc:{@concept}" contextRef="{@ctx}"><xsl:value-of select="@value"/></ix:nonNumeric>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Second pass: the page into the XHTML namespace. HTML5 sectioning elements become div and
       time becomes span (keeping their name as a class), lang becomes xml:lang, style gets its
       type, and aria-*/data-* attributes, which XHTML 1.1 lacks, are dropped. -->
  <xsl:template match="*" mode="xhtml">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="contains(' main article header footer aside section nav figure figcaption ', concat(' ', local-name(), ' '))">div</xsl:when>
        <xsl:when test="local-name() = 'time'">span</xsl:when>
        <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}" namespace="{$xhtml}">
      <xsl:if test="self::html">
        <xsl:copy-of select="exsl:node-set($namespaces)/*/namespace::*"/>
      </xsl:if>
      <xsl:apply-templates select="@*" mode="xhtml"/>
      <xsl:if test="self::style"><xsl:attribute name="type">text/css</xsl:attribute></xsl:if>
      <xsl:if test="$name != local-name()">
        <xsl:attribute name="class"><xsl:value-of select="normalize-space(concat(local-name(), ' ', @class))"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="xhtml"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="*[namespace-uri() != '']" mode="xhtml">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="xhtml"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="@*" mode="xhtml"><xsl:copy/></xsl:template>
  <xsl:template match="@lang" mode="xhtml">
    <xsl:attribute name="xml:lang"><xsl:value-of select="."/></xsl:attribute>
  </xsl:template>
  <xsl:template match="@*[starts-with(name(), 'aria-') or starts-with(name(), 'data-')] | time/@datetime" mode="xhtml"/>
  <xsl:template match="text() | comment()" mode="xhtml"><xsl:copy/></xsl:template>
</xsl:stylesheet>
