// office-addin-mock only needs the module to load; its manifest helpers are unused in tests.
module.exports = {};
