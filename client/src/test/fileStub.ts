/** Stands in for imported images and fonts in the client's unit tests: the URL Vite would give them. */
const url = 'test-file-stub';
export default url;
