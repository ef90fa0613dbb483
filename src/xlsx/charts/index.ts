/** Native charts for ExcelJS-written workbooks (DrawingML parts added after saving). */
export { addCharts, type SheetCharts, type ChartDataResolver } from './package';
export { chartXml, type ChartCache } from './chart-xml';
