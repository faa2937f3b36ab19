@echo off
rem circuitsynth: runs circuitsynth.jar beside this script with the class-data sharing (AppCDS)
rem archive the build made for it and the JDK that made it (see the sh launcher beside it).
setlocal
set "dir=%~dp0"
set "java=%CIRCUITSYNTH_JAVA%"
set "archive="
if "%java%"=="" set "java=@build.java@"
if "%java%"=="@build.java@" if exist "%dir%circuitsynth.jsa" set "archive=-XX:SharedArchiveFile=%dir%circuitsynth.jsa"
if not exist "%java%" set "java=java"
if not defined CIRCUITSYNTH_JAVA_OPTS set "CIRCUITSYNTH_JAVA_OPTS=-XX:TieredStopAtLevel=1"
"%java%" %archive% %CIRCUITSYNTH_JAVA_OPTS% -jar "%dir%circuitsynth.jar" %*
exit /b %ERRORLEVEL%
