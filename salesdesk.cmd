@echo off
rem Runs SalesDesk from a source checkout on Windows: builds on first use, then starts it.
cd /d "%~dp0"
if not exist app\target\salesdesk\bin\salesdesk.bat (
  echo Building SalesDesk ^(first run only; takes a few minutes^)...
  call mvnw.cmd -q package -DskipTests || exit /b 1
)
call app\target\salesdesk\bin\salesdesk.bat %*
