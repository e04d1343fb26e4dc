export * from './auth';
export * from './errors';
export { apiFetch, refreshAccessToken, type HttpMethod, type RequestOptions } from './http';
export { tokenStore } from './tokenStore';
