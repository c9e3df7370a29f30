import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomFilterModule,
  EventApiModule,
  GridStateModule,
  HighlightChangesModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  PinnedRowModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

/**
 * The Community modules the application uses, registered once. Anything not listed here is not
 * in the bundle; Enterprise features (Excel export, range selection, clipboard, set filter, tree
 * data) are deliberately absent — exports go through the core, paste through ./tsv.ts.
 */
let done = false;
export function registerGridModules(): void {
  if (done) return;
  done = true;
  ModuleRegistry.registerModules([
    CellApiModule, // api.getCellValue: a report grid's export reads the values it shows
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    InfiniteRowModelModule,
    TextFilterModule,
    NumberFilterModule,
    CustomFilterModule,
    QuickFilterModule,
    TextEditorModule,
    NumberEditorModule,
    SelectEditorModule,
    RowSelectionModule,
    CellStyleModule,
    RowStyleModule,
    TooltipModule,
    HighlightChangesModule,
    ColumnAutoSizeModule,
    ColumnApiModule,
    RowApiModule,
    RenderApiModule,
    ScrollApiModule,
    EventApiModule,
    GridStateModule,
    LocaleModule,
    PinnedRowModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
