// Swagger UI for /api/docs, served from our own origin (no inline script, so the page keeps our CSP).
// Logging in through "Try it out" on /auth/login or /auth/register authorizes the page with the token it returns.
window.addEventListener('load', () => {
  const ui = window.SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    filter: true,
    responseInterceptor: (res) => {
      if (/\/api\/auth\/(login|register|refresh)$/.test(res.url) && res.ok && res.obj?.accessToken) {
        ui.preauthorizeApiKey('bearer', res.obj.accessToken);
      }
      return res;
    },
  });
  window.ui = ui;
});
