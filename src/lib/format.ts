const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: string): string {
  return MONTH_NAMES[Number(month) - 1];
}

/** "2016" · "August 2016" · "5 August 2016". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return [day && String(Number(day)), month && monthName(month), year].filter(Boolean).join(' ');
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
