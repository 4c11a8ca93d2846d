export const USAGE = `Usage: flipside <command> [options]

Commands:
  projects list   [--json] [--trash] [--search <text>] [--sort updated|title]
  projects create --title <title> [--description <text>]
  lessons list    --project <id> [--json] [--trash]
  lessons add     --project <id> --title <title>
  import          --lesson <id> <file>     add a video or audio file to a lesson as a take
  render          --lesson <id> --out <file.mp4> [--height 1080|720|480|360|audio] [--force] [--no-captions]
                  [--burn-captions <language>]
                                           render the edited lesson (needs Chromium or Chrome); the file carries
                                           the lesson's captions as subtitle tracks unless --no-captions;
                                           --burn-captions en draws that language's captions into the picture
  publish         --lesson <id> --format scorm12|scorm2004|cmi5|web|cc --out <path> [--force]
                  [--course lesson|project] [--lessons link|linkOrWeb|web]
                                           package the lesson for an LMS (a zip) or the web (a folder);
                                           cmi5 with --course project: every lesson of the project, one course;
                                           cc: the whole project as one Common Cartridge (.imscc), each lesson an
                                           LTI link to the class server (--lessons link, the default), web content
                                           where it is not there (linkOrWeb), or web content only (web: it plays
                                           in the LMS, but no grades come back)
  check           <package.zip>            validate a SCORM, cmi5 or Common Cartridge package: paths, manifest,
                                           files, launch pages and LTI links
  library check                            check the library: database, media files, backups
  library backup  [--out <file>]           back the library up now (it is also backed up once a day)
  library restore [<backup>]               put the newest backup (or the one named) in the library's place
  serve           --data <dir> [--port 8080] [--public-url <url>] [--database <postgres url>]
                                           run the class server (flipside serve --help for more)

Options for every command:
  --data <dir>    the library folder (FLIPSIDE_DATA, when set, takes precedence)
  --force         let render and publish replace an existing --out
  --help          show this help
  --version       show the version

Only one program at a time may change a library: while Flipside Studio has it open, the commands that change it
are refused; projects list, lessons list, library check and library backup still work.`;
