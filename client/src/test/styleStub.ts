/** Stands in for imported stylesheets in the client's unit tests (jsdom has no use for them). */
const styles: Record<string, string> = {};
export default styles;
