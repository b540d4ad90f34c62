/**
 * ВСОКО campaigns (internal to the vsoko module): a region's yearly study on a framework, its participants and
 * course ({@code CampaignStatus} with its moves), progress of the schools' submissions by status, the campaign pages
 * and API, {@code VsokoCampaigns} for other modules, and the demo study. Uses {@code framework}.
 */
package ru.rsoko.vsoko.campaign;
