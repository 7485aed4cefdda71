// Loaded only by the dashboard; versioned WebJar path, cached for a year.
export * from '/webjars/echarts/@echarts.webjar.version@/dist/echarts.esm.min.js';
