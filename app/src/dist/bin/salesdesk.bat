@echo off
rem SalesDesk launcher: runs the app over the jars in ..\lib with the JDK on PATH or JAVA_HOME.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" %SALESDESK_OPTS% -Dfile.encoding=UTF-8 -Dsalesdesk.home="%APP_HOME%" -cp "%APP_HOME%\lib\*" io.salesdesk.app.Main %*
endlocal
