/* global module */
// functions.json as Excel needs it. custom-functions-metadata writes the metadata from the JSDoc in
// src/functions/functions.ts but cannot write `allowErrorForDataTypeAny`: without it Excel never
// calls a function whose range holds an error cell (it returns the error itself), so the functions
// could not skip error cells as they document. This finishes the generated metadata; webpack runs
// it on the emitted asset and the metadata test on the generator's output.

const PLUGIN = 'FunctionsMetadataFinisher';

/**
 * The generated metadata with the top-level settings the generator cannot write: error cells
 * and data types (entities, formatted numbers) reach every `any` and `any[][]` parameter.
 * @param {string} json functions.json as generated
 * @returns {string} the finished functions.json
 */
function finishFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  // The settings first, then what the generator wrote (its own copy of a setting is replaced).
  const finished = Object.assign(
    { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true },
    metadata,
    {
      allowCustomDataForDataTypeAny: true,
      allowErrorForDataTypeAny: true,
    },
  );
  return JSON.stringify(finished, null, 4);
}

/** Rewrites the emitted functions.json asset with {@link finishFunctionsMetadata}. */
class FunctionsMetadataFinisher {
  constructor(options = {}) {
    this.options = { asset: options.asset || 'functions.json' };
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.asset);
          // Missing only when the generator failed, and then the build fails with its errors.
          if (!asset) return;
          const json = finishFunctionsMetadata(asset.source.source().toString());
          compilation.updateAsset(this.options.asset, new sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = { finishFunctionsMetadata, FunctionsMetadataFinisher };
