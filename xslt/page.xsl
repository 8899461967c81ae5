<?xml version="1.0" encoding="UTF-8"?>
<!-- The page of a release, as html.xsl serializes it (HTML5) and ixbrl.xsl tags it (XHTML):
     headline, issuer and securities, dateline, body, tables (real tables, numbers
     right-aligned), the safe harbor set apart, contacts, and where it came from. Body
     paragraphs, tables and the safe harbor keep their printed order. ixbrl.xsl overrides the
     hooks: the templates in mode="value" and the "before-content" template. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-prconvert:release:1" exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:param name="lang" select="'en'"/>
  <!-- One release: its headline is the page's h1; several: each is an h2 under a page h1. -->
  <xsl:variable name="level" select="1 + number(count(//r:release) &gt; 1)"/>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="prconvert"/>
        <title><xsl:apply-templates select="(//r:release)[1]" mode="title"/></title>
        <style><xsl:call-template name="stylesheet"/></style>
      </head>
      <body>
        <xsl:call-template name="before-content"/>
        <main class="page">
          <xsl:if test="$level = 2">
            <h1><xsl:value-of select="concat(count(//r:release), ' releases from ', (//r:source/r:name)[1])"/></h1>
          </xsl:if>
          <xsl:apply-templates select="//r:release"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- Hook: ixbrl.xsl puts its hidden ix:header here. -->
  <xsl:template name="before-content"/>

  <xsl:template match="r:release" mode="title">
    <xsl:choose>
      <xsl:when test="r:headline"><xsl:value-of select="r:headline"/></xsl:when>
      <xsl:when test="r:issuer/r:name"><xsl:value-of select="r:issuer/r:name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('Press release ', r:source/r:name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:release">
    <xsl:variable name="id" select="concat('r', count(preceding::r:release) + 1)"/>
    <article class="release" aria-labelledby="{$id}-headline">
      <header class="masthead">
        <xsl:call-template name="eyebrow"/>
        <xsl:element name="h{$level}">
          <xsl:attribute name="id"><xsl:value-of select="concat($id, '-headline')"/></xsl:attribute>
          <xsl:choose>
            <xsl:when test="r:headline"><xsl:apply-templates select="r:headline" mode="value"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="." mode="title"/></xsl:otherwise>
          </xsl:choose>
        </xsl:element>
        <xsl:for-each select="r:subheadline">
          <p class="subheadline"><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:call-template name="cover-list"/>
      </header>
      <div class="body">
        <xsl:if test="r:dateline and not(r:body/r:paragraph)">
          <p><xsl:apply-templates select="r:dateline"/></p>
        </xsl:if>
        <xsl:apply-templates select="r:body/r:paragraph | r:tables/r:table | r:safe_harbor">
          <xsl:sort select="r:lines/@first" data-type="number"/>
        </xsl:apply-templates>
      </div>
      <xsl:apply-templates select="r:contacts[r:contact]">
        <xsl:with-param name="id" select="$id"/>
      </xsl:apply-templates>
      <xsl:call-template name="provenance"/>
    </article>
  </xsl:template>

  <xsl:template name="eyebrow">
    <p class="eyebrow">
      <xsl:text>Press release</xsl:text>
      <xsl:for-each select="r:exhibit"> · Exhibit <xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="r:release_number"> · Release No. <xsl:apply-templates select="." mode="value"/></xsl:for-each>
    </p>
  </xsl:template>

  <!-- Who and when, as a definition list: issuer, securities, wire, date, audience. -->
  <xsl:template name="cover-list">
    <xsl:if test="r:issuer[r:name or r:cik] or r:securities/r:security or r:wire or r:dateline/r:date or r:audience">
      <dl class="cover">
        <xsl:for-each select="r:issuer[r:name or r:cik]">
          <dt>Issuer</dt>
          <dd>
            <xsl:apply-templates select="r:name" mode="value"/>
            <xsl:for-each select="r:cik">
              <xsl:if test="../r:name"><xsl:text> </xsl:text></xsl:if>
              <span class="cik">(CIK <xsl:apply-templates select="." mode="value"/>)</span>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:if test="r:securities/r:security">
          <dt>Securities</dt>
          <dd>
            <xsl:for-each select="r:securities/r:security">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:apply-templates select="r:exchange" mode="value"/>: <xsl:apply-templates select="r:symbol" mode="value"/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:for-each select="r:wire">
          <dt>Wire</dt>
          <dd>
            <xsl:value-of select="r:service"/>
            <xsl:for-each select="r:code"> (<xsl:value-of select="."/>)</xsl:for-each>
            <xsl:for-each select="r:slug"> · <xsl:value-of select="."/></xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="r:dateline/r:date">
          <dt>Date</dt>
          <dd>
            <time datetime="{.}">
              <xsl:apply-templates select="." mode="value"/>
            </time>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="r:audience">
          <dt>For</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- Hook: a cover value as text; ixbrl.xsl tags the ones that are facts. -->
  <xsl:template match="*" mode="value"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="r:dateline/r:date" mode="value">
    <xsl:call-template name="long-date"><xsl:with-param name="date" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="r:dateline">
    <span class="dateline"><xsl:value-of select="r:text"/></span>
  </xsl:template>

  <xsl:template match="r:paragraph">
    <p data-lines="{r:lines/@first}-{r:lines/@last}">
      <xsl:if test="not(preceding-sibling::r:paragraph) and ../../r:dateline">
        <xsl:apply-templates select="../../r:dateline"/>
        <xsl:call-template name="dateline-separator">
          <xsl:with-param name="text" select="../../r:dateline/r:text"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:value-of select="r:text"/>
    </p>
  </xsl:template>

  <xsl:template match="r:safe_harbor">
    <xsl:variable name="id" select="concat('r', count(preceding::r:release) + 1, '-safe-harbor')"/>
    <aside class="safe-harbor" aria-labelledby="{$id}" data-lines="{r:lines/@first}-{r:lines/@last}">
      <xsl:element name="h{$level + 1}">
        <xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute>
        <xsl:choose>
          <xsl:when test="r:heading"><xsl:value-of select="r:heading"/></xsl:when>
          <xsl:otherwise>Forward-looking statements</xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <p><xsl:value-of select="r:text"/></p>
    </aside>
  </xsl:template>

  <xsl:template match="r:table">
    <xsl:variable name="table" select="count(preceding-sibling::r:table)"/>
    <div class="table-wrap" data-lines="{r:lines/@first}-{r:lines/@last}">
      <table>
        <caption>
          <xsl:call-template name="table-caption"/>
          <xsl:variable name="note"><xsl:call-template name="table-note-text"/></xsl:variable>
          <xsl:if test="$note != ''"><span class="table-note"><xsl:value-of select="$note"/></span></xsl:if>
        </caption>
        <thead>
          <tr>
            <td></td>
            <xsl:for-each select="r:columns/r:column">
              <th scope="col"><xsl:value-of select="r:label"/></th>
            </xsl:for-each>
          </tr>
        </thead>
        <xsl:if test="r:rows/r:row">
          <tbody>
            <xsl:for-each select="r:rows/r:row">
              <xsl:variable name="row" select="position() - 1"/>
              <tr>
                <!-- a row without numbers heads the rows below it ("Costs and expenses:") -->
                <xsl:if test="not(r:values/r:value[not(@nil = 'true')])">
                  <xsl:attribute name="class">subhead</xsl:attribute>
                </xsl:if>
                <th scope="row"><xsl:value-of select="r:label"/></th>
                <xsl:for-each select="r:values/r:value">
                  <td class="num">
                    <xsl:apply-templates select="." mode="value">
                      <xsl:with-param name="table" select="$table"/>
                      <xsl:with-param name="row" select="$row"/>
                      <xsl:with-param name="column" select="position() - 1"/>
                    </xsl:apply-templates>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </xsl:if>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="r:value" mode="value">
    <xsl:call-template name="cell-text"><xsl:with-param name="value" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="r:contacts">
    <xsl:param name="id"/>
    <aside class="contacts" aria-labelledby="{$id}-contacts">
      <xsl:element name="h{$level + 1}">
        <xsl:attribute name="id"><xsl:value-of select="concat($id, '-contacts')"/></xsl:attribute>
        <xsl:text>Contacts</xsl:text>
      </xsl:element>
      <xsl:for-each select="r:contact">
        <address data-lines="{r:lines/@first}-{r:lines/@last}">
          <xsl:for-each select="r:name | r:title | r:organization">
            <span class="{local-name()}"><xsl:value-of select="."/></span><br/>
          </xsl:for-each>
          <xsl:for-each select="r:phone">Phone: <xsl:value-of select="."/><br/></xsl:for-each>
          <xsl:for-each select="r:fax">Fax: <xsl:value-of select="."/><br/></xsl:for-each>
          <xsl:for-each select="r:email">
            <a href="mailto:{.}"><xsl:value-of select="."/></a><br/>
          </xsl:for-each>
        </address>
      </xsl:for-each>
    </aside>
  </xsl:template>

  <!-- Where the page came from, and what the converter was unsure of. -->
  <xsl:template name="provenance">
    <footer class="provenance">
      <p>
        <xsl:text>Converted by prconvert from </xsl:text>
        <code><xsl:value-of select="r:source/r:name"/></code>
        <xsl:for-each select="r:source/r:document/r:type">, document <xsl:value-of select="."/></xsl:for-each>
        <xsl:for-each select="r:source/r:filing">
          <xsl:for-each select="r:form_type">, form <xsl:value-of select="."/></xsl:for-each>
          <xsl:for-each select="r:accession_number">, accession <xsl:value-of select="."/></xsl:for-each>
          <xsl:for-each select="r:filed">, filed <xsl:value-of select="."/></xsl:for-each>
        </xsl:for-each>
        <xsl:value-of select="concat(' (', r:source/r:line_count, ' lines, SHA-256 ')"/>
        <code><xsl:value-of select="substring(r:source/r:sha256, 1, 12)"/></code>
        <xsl:text>…).</xsl:text>
      </p>
      <xsl:if test="r:warnings/r:warning">
        <ul class="warnings">
          <xsl:for-each select="r:warnings/r:warning">
            <li>
              <xsl:for-each select="r:line">Line <xsl:value-of select="."/>: </xsl:for-each>
              <xsl:value-of select="r:message"/>
              <xsl:value-of select="concat(' (', r:code, ')')"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </footer>
  </xsl:template>

  <xsl:template name="stylesheet">
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --tint: #f4f4f0; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0.25rem 0 0.5rem; }
.release + .release { border-top: 3px double var(--rule); margin-top: 3rem; padding-top: 1rem; }
.eyebrow, .subheadline, .cover, .table-note, .provenance, .contacts {
  font-family: "Helvetica Neue", Arial, sans-serif; }
.eyebrow { margin: 0; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
.subheadline { font-size: 1.2rem; margin: 0 0 0.75rem; color: #333; }
.cover { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 1rem 0 1.5rem;
  padding: 0.75rem 0; border-block: 1px solid var(--rule); font-size: 0.9rem; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
.dateline { font-weight: bold; }
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; font: 0.9rem/1.4 "Helvetica Neue", Arial, sans-serif; min-width: 60%; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
.table-note { display: block; font-weight: normal; color: var(--muted); font-size: 0.8rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: bottom; }
thead th { text-align: right; }
thead th, thead td { border-bottom: 2px solid var(--ink); }
tbody th { text-align: left; font-weight: normal; }
tr.subhead th { font-style: italic; padding-top: 0.6rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.safe-harbor { margin: 2rem 0; padding: 0.75rem 1.25rem; background: var(--tint); border-left: 4px solid #8a8a7a;
  font-size: 0.9rem; }
.safe-harbor h2, .safe-harbor h3 { font-size: 1rem; margin: 0.25rem 0 0.5rem; }
.contacts { margin-top: 2rem; font-size: 0.95rem; }
.contacts h2, .contacts h3 { font-size: 1rem; }
.contacts address { font-style: normal; margin-bottom: 0.75rem; }
.contacts .name { font-weight: bold; }
.provenance { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: 0.8rem; }
.provenance code { font-size: 0.85em; }
  </xsl:template>
</xsl:stylesheet>
