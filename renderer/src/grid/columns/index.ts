export { numberCol, textCol, textFilter, numberFilter, type Extra, type Field } from './base';
export { dateCol, dateTimeCol } from './date';
export { Lookup, type Coded, type Option } from './lookup';
export { moneyCol, percentBpCol } from './money';
export { refCol } from './ref';
export { activeCol, starsCol, statusCol } from './status';
