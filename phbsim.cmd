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
rem Class-data sharing (docs/performance.md "Class-data sharing"): an archive of the run's classes,
rem made once per build of the jar by a short training run and kept beside it; a stale archive is
rem ignored by the JVM, never an error. PHBSIM_CDS=0 turns it off.
set "CDS=%HERE%cli\target\phbsim.jsa"
set "CDSLOG=-Xlog:cds=off -Xlog:cds+dynamic=off"
if "%PHBSIM_CDS%"=="0" goto plain
powershell -NoProfile -Command "if (-not (Test-Path -LiteralPath $env:CDS) -or (Get-Item -LiteralPath $env:JAR).LastWriteTime -gt (Get-Item -LiteralPath $env:CDS).LastWriteTime) { exit 1 } else { exit 0 }" >nul 2>nul
if errorlevel 1 (
  set "CDSTMP=%TEMP%\phbsim-cds-%RANDOM%%RANDOM%"
  call :train
)
if not exist "%CDS%" goto plain
java %PHBSIM_JAVA_OPTS% %CDSLOG% -XX:SharedArchiveFile="%CDS%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:plain
java %PHBSIM_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:train
mkdir "%CDSTMP%" >nul 2>nul
java %CDSLOG% -XX:ArchiveClassesAtExit="%CDSTMP%\phbsim.jsa" -jar "%JAR%" run -q --out "%CDSTMP%\out" >nul 2>nul
if not errorlevel 1 if exist "%CDSTMP%\phbsim.jsa" move /y "%CDSTMP%\phbsim.jsa" "%CDS%" >nul 2>nul
rmdir /s /q "%CDSTMP%" >nul 2>nul
exit /b 0
