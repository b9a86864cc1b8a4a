@echo off
rem phbsim launcher for Windows: builds the command-line jar on first use, then runs it with the
rem arguments given, e.g. phbsim run
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\phbsim.jar"
if not exist "%JAR%" (
  echo Building phbsim (first use^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -q -B -DskipTests package -pl cli -am 1>&2
  if errorlevel 1 (
    popd
    exit /b 1
  )
  popd
)
java %PHBSIM_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
