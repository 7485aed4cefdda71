// Loaded only by the dashboard. Apache ECharts 5.6.0 (npm package echarts@5.6.0, dist/echarts.esm.min.js), kept here
// with its LICENSE and NOTICE: served by the gateway itself, never from a CDN. The version is in the folder's name so
// a newer copy gets a new address.
export * from './echarts-5.6.0/echarts.esm.min.js';
