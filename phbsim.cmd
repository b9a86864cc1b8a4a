@echo off
rem phbsim launcher for Windows: builds the command-line jar on first use, or when a source of any
rem module it is built from (model, scenarios, writers, runs, web, cli, the poms) is newer than the jar, then
rem runs it with the arguments given, e.g. phbsim run
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\phbsim.jar"
set "STALE=1"
if exist "%JAR%" (
  rem PowerShell (in every Windows since 7) compares the times; exit 0 means nothing is newer.
  powershell -NoProfile -Command "$j = (Get-Item -LiteralPath $env:JAR).LastWriteTime; $src = 'model\src','scenarios\src','writers\src','runs\src','web\src','cli\src','pom.xml','model\pom.xml','scenarios\pom.xml','writers\pom.xml','runs\pom.xml','web\pom.xml','cli\pom.xml' | ForEach-Object { Join-Path $env:HERE $_ }; if (Get-ChildItem -LiteralPath $src -Recurse -File | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1) { exit 1 } else { exit 0 }" >nul 2>nul
  if not errorlevel 1 set "STALE=0"
)
if "%STALE%"=="1" (
  echo Building phbsim (first use, or the sources changed^)... 1>&2
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
