// strip-bom 5 is ESM only; @microsoft/app-manifest (CommonJS) requires it. Node 20.19 loads that natively
// (require(esm)), Jest's module loader on Node 20 does not, so Jest's config maps 'strip-bom' here: the same function.
module.exports = function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
module.exports.default = module.exports;
