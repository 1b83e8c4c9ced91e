/**
 * What every CSV Orion writes shares: cells neutralised against spreadsheet formula injection ({@link
 * dev.orion.platform.csv.CsvCells}).
 */
package dev.orion.platform.csv;
