// Root file systems of Debian and Ubuntu based images: merged /usr (bin, sbin, lib are links
// into /usr), dash as /bin/sh, bash, GNU coreutils, grep/sed/findutils; no procps unless an
// image adds it. Used by the debian, ubuntu, nginx, redis and mysql family modules.
import type { FsSpec } from "./types";
import { progsIn } from "./rootfs";

const COREUTILS = "[ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes".split(" ");
const OTHER_BIN = "bash dash grep egrep fgrep sed find xargs gzip gunzip zcat tar hostname mount umount login su more which run-parts tempfile getconf ldd locale iconv perl mawk rbash chfn chsh newgrp passwd gpasswd expiry zgrep zless savelog ischroot mountpoint findmnt lsblk wall script flock logger renice setsid taskset uuidgen whereis fallocate".split(" ");
const SBIN = "agetty blkid chroot ldconfig fsck mkfs mkswap swapon swapoff losetup start-stop-daemon useradd userdel usermod groupadd groupdel pam_tally2 nologin adduser addgroup deluser delgroup shadowconfig pwck grpck invoke-rc.d update-rc.d service".split(" ");

/** Debian-family facts for a spec. */
export interface DebianFlavor {
  id: "debian" | "ubuntu";
  version: string;
  codename: string;
  pretty: string;
  /** /etc/debian_version content. */
  debianVersion: string;
}

/** Debian 12 bookworm. */
export const BOOKWORM: DebianFlavor = { id: "debian", version: "12", codename: "bookworm", pretty: "Debian GNU/Linux 12 (bookworm)", debianVersion: "12.10" };
/** Debian 11 bullseye. */
export const BULLSEYE: DebianFlavor = { id: "debian", version: "11", codename: "bullseye", pretty: "Debian GNU/Linux 11 (bullseye)", debianVersion: "11.5" };
/** Debian 9 stretch. */
export const STRETCH: DebianFlavor = { id: "debian", version: "9", codename: "stretch", pretty: "Debian GNU/Linux 9 (stretch)", debianVersion: "9.9" };
/** Ubuntu 24.04 noble. */
export const NOBLE: DebianFlavor = { id: "ubuntu", version: "24.04", codename: "noble", pretty: "Ubuntu 24.04.2 LTS", debianVersion: "trixie/sid" };
/** Ubuntu 22.04 jammy. */
export const JAMMY: DebianFlavor = { id: "ubuntu", version: "22.04", codename: "jammy", pretty: "Ubuntu 22.04.5 LTS", debianVersion: "bookworm/sid" };

const PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

/** A Debian/Ubuntu base with merged /usr; `extraUsers` lines are appended to /etc/passwd. */
export function debianSpec(fl: DebianFlavor, extraUsers = ""): FsSpec {
  const osRelease = fl.id === "debian"
    ? `PRETTY_NAME="${fl.pretty}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${fl.version}"\nVERSION="${fl.version} (${fl.codename})"\nVERSION_CODENAME=${fl.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`
    : `PRETTY_NAME="${fl.pretty}"\nNAME="Ubuntu"\nVERSION_ID="${fl.version}"\nVERSION="${fl.pretty.replace("Ubuntu ", "")} (${fl.codename === "noble" ? "Noble Numbat" : "Jammy Jellyfish"})"\nVERSION_CODENAME=${fl.codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nUBUNTU_CODENAME=${fl.codename}\n`;
  return {
    dirs: ["/boot", "/home", "/media", "/mnt", "/opt", "/root", "/run/lock", "/srv", "/tmp", "/usr/games", "/usr/include", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/libexec", "/usr/local/bin", "/usr/local/etc", "/usr/local/games", "/usr/local/include", "/usr/local/lib", "/usr/local/man", "/usr/local/sbin", "/usr/local/share", "/usr/local/src", "/usr/share/doc", "/usr/src", "/var/backups", "/var/cache/apt", "/var/lib/apt/lists", "/var/lib/dpkg", "/var/local", "/var/log/apt", "/var/mail", "/var/opt", "/var/spool", "/var/tmp", "/etc/apt", "/etc/default", "/etc/profile.d"],
    links: { "/bin": "usr/bin", "/sbin": "usr/sbin", "/lib": "usr/lib", "/lib64": "usr/lib64", "/var/run": "/run", "/var/lock": "/run/lock", "/usr/bin/sh": "dash", "/usr/bin/awk": "/etc/alternatives/awk", "/etc/alternatives/awk": "/usr/bin/mawk" },
    progs: { ...progsIn("/usr/bin", [...COREUTILS, ...OTHER_BIN]), ...progsIn("/usr/sbin", SBIN, "stub") },
    files: {
      "/etc/os-release": osRelease,
      "/usr/lib/os-release": osRelease,
      "/etc/debian_version": fl.debianVersion + "\n",
      "/etc/hostname": "localhost\n",
      "/etc/passwd": PASSWD + extraUsers,
      "/etc/group": "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nmail:x:8:\nwww-data:x:33:\nstaff:x:50:\nusers:x:100:\nnogroup:x:65534:\n",
      "/etc/shells": "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n",
      "/etc/bash.bashrc": "# System-wide .bashrc file for interactive bash(1) shells.\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n",
      "/etc/profile": "if [ \"$(id -u)\" -eq 0 ]; then\n  PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\nfi\nexport PATH\n",
      "/root/.bashrc": "# ~/.bashrc: executed by bash(1) for non-login shells.\n",
      "/root/.profile": "# ~/.profile: executed by Bourne-compatible login shells.\n",
    },
  };
}
