import { themeBalham } from 'ag-grid-community';

/**
 * The grid's look, matching styles.css: dense rows (28px), 13px text with a CJK font stack,
 * quiet borders, the accent blue for focus and selection. Numbers use tabular figures via the
 * `num` cell class (see columns/).
 */
export const FONT_STACK = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
  'system-ui',
  '-apple-system',
  'Segoe UI',
  'sans-serif',
];

export const gridTheme = themeBalham.withParams({
  fontFamily: FONT_STACK,
  fontSize: 13,
  dataFontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: 30,
  spacing: 4,
  cellHorizontalPadding: 8,
  accentColor: '#1f5fbf',
  foregroundColor: '#1f2329',
  borderColor: '#d9dde3',
  headerBackgroundColor: '#f0f2f5',
  headerTextColor: '#3a4049',
  oddRowBackgroundColor: '#fafbfc',
  rowHoverColor: '#eef3fb',
  selectedRowBackgroundColor: '#e1ebfa',
  wrapperBorderRadius: 4,
  borderRadius: 3,
  invalidColor: '#c4291c',
});
