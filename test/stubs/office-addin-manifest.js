/* global module */
// office-addin-mock only needs the module to load plus the OfficeApp host names it compares
// against; the manifest helpers themselves are unused in tests.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
