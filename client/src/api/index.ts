export * from './auth';
export * from './errors';
export { apiFetch, type HttpMethod, type RequestOptions, refreshAccessToken } from './http';
export { tokenStore } from './tokenStore';
