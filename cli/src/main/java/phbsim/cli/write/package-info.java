/**
 * Everything that turns results into text or files: tidy CSV tables, the printed summary, and an
 * output folder that is written completely or not at all.
 */
package phbsim.cli.write;
