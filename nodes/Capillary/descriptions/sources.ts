/** The registration sources the bulk endpoint accepts (Capillary's reference page). */
export const SOURCES: readonly string[] = [
	'INSTORE',
	'FACEBOOK',
	'WEB_ENGAGE',
	'MARTJACK',
	'TMALL',
	'TAOBAO',
	'JD',
	'ECOMMERCE',
	'WEBSITE',
	'LINE',
	'ALL',
];
