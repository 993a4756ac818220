// Stand-in for office-addin-manifest under jest (its ESM-only dependency cannot load there).
// office-addin-mock imports it but none of the mocks we use call into it.
module.exports = { OfficeAddinManifest: {}, readManifestFile: async () => ({}) };
