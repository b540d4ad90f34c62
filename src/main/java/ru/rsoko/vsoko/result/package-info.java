/**
 * Results of a campaign (internal to the vsoko module): scores and levels computed in SQL sums from the values'
 * points, by school, municipality and region, with the comparison to the previous campaign; the result pages,
 * workbooks and API, and {@code VsokoResults} for other modules. Uses {@code campaign} and {@code framework}.
 */
package ru.rsoko.vsoko.result;
