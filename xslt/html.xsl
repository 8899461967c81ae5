<?xml version="1.0" encoding="UTF-8"?>
<!-- The release as a standalone, accessible HTML5 page (the page itself is in page.xsl).
     doctype-system="about:legacy-compat" is how XSLT 1.0 asks for <!DOCTYPE html>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="page.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
</xsl:stylesheet>
