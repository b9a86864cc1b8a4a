/**
 * Everything that turns results into text or files, with no command line attached: tidy CSV tables,
 * the printed summary, the workbook, the HTML report, and an output folder that appears complete or
 * not at all. The command line is one client; a web page or a distributed job can be another,
 * writing the same files.
 */
package phbsim.writers;
