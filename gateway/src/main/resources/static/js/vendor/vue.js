// The WebJar's versioned path: the file never changes under this URL, so browsers cache it for a year.
export * from '/webjars/vue/@vue.webjar.version@/dist/vue.esm-browser.prod.js';
