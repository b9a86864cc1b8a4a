/**
 * What the workbook library (fastexcel 0.20.2) does not write, added to the package it wrote: the
 * cached value of each formula (so a reader that does not recalculate, and an auditor opening the
 * file, see phbsim's figure beside the formula that traces it) and native line charts (DrawingML
 * parts of ECMA-376 Part 1, section 21.2, bound to the cells they plot).
 */
package phbsim.writers.xlsx;
