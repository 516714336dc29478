// Loads the service's OpenAPI document relative to this page, so "try it out" calls the same
// host and prefix the page came from (the service's port, or /api/<service>/ at the gateway).
window.ui = SwaggerUIBundle({
  url: new URL('../openapi.json', window.location.href).toString(),
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
