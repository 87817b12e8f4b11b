@echo off
rem SalesDesk launcher: runs the app over the jars in ..\lib with the JDK on PATH or JAVA_HOME.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem Ledger import and export run in a bounded heap, as in bin/salesdesk (see the reasons there).
set "HEAP="
for %%a in (%*) do (
  if /i "%%~a"=="import" set "HEAP=-XX:+UseSerialGC -XX:NewRatio=6 -Xmx416m -XX:TieredStopAtLevel=1"
  if /i "%%~a"=="export" set "HEAP=-XX:+UseSerialGC -Xmx448m"
)
"%JAVA%" %HEAP% %SALESDESK_OPTS% -Dfile.encoding=UTF-8 -Dsalesdesk.home="%APP_HOME%" -cp "%APP_HOME%\lib\*" io.salesdesk.app.Main %*
endlocal
