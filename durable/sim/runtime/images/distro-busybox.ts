// Root file systems of busybox-based images: alpine (applets as symlinks to /bin/busybox in
// /bin, /sbin, /usr/bin, /usr/sbin) and the busybox image (every applet in /bin). Used by the
// alpine, busybox and registry.k8s.io family modules.
import type { FsSpec } from "./types";
import { DEV, linksIn, progsIn } from "./rootfs";

const BIN = "arch ash base64 bbconfig busybox cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat".split(" ");
const SBIN = "acpid adjtimex arp blkid blockdev depmod fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifup init insmod ip ipaddr iplink ipneigh iproute iprule klogd ldconfig logread losetup lsmod mdev mkswap modinfo modprobe nameif nologin pivot_root poweroff reboot rmmod route swapoff swapon switch_root sysctl syslogd udhcpc watchdog".split(" ");
const USR_BIN = "[ [[ awk basename bc bunzip2 bzcat bzip2 cal clear cmp comm cpio crontab cut dc diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser getconf hd head hexdump hostid iconv id install ipcrm ipcs killall last less logger lsof lzcat lzma md5sum mesg mkfifo mkpasswd nc nl nohup nproc nsenter nslookup od paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setsid sha1sum sha256sum sha512sum shred shuf sort split strings sum tac tail tee test time timeout top tr traceroute truncate tty unexpand uniq unix2dos unlink unshare unxz unzip uptime uudecode uuencode vi volname wc wget which whoami xargs xxd xzcat yes".split(" ");
const USR_SBIN = "addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake killall5 nanddump ntpd partprobe rdate readahead rfkill sendmail setlogcons".split(" ");

/** Every applet name a busybox binary provides here. */
export const APPLETS = [...BIN, ...SBIN, ...USR_BIN, ...USR_SBIN].filter((a) => a !== "busybox");

const PASSWD_BB = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n";
const PASSWD_ALPINE = "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\nat:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin\nsquid:x:31:31:Squid:/var/cache/squid:/sbin/nologin\nxfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\ncyrus:x:85:12::/usr/cyrus:/sbin/nologin\nvpopmail:x:89:89::/var/vpopmail:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nsmmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n";

/** Alpine Linux `version` (e.g. "3.20.6") with busybox applets as symlinks. */
export function alpineSpec(version: string): FsSpec {
  const minor = version.split(".").slice(0, 2).join(".");
  return {
    dirs: ["/home", "/lib/apk/db", "/media/cdrom", "/mnt", "/opt", "/root", "/run", "/srv", "/tmp", "/usr/lib", "/usr/local/bin", "/usr/local/lib", "/usr/local/share", "/usr/share/apk", "/var/cache/apk", "/var/empty", "/var/lib/misc", "/var/local", "/var/lock/subsys", "/var/log", "/var/mail", "/var/opt", "/var/spool/cron", "/var/tmp", "/etc/apk", "/etc/profile.d"],
    progs: { "/bin/busybox": "busybox", "/sbin/apk": "stub" },
    links: {
      ...linksIn("/bin", BIN.filter((b) => b !== "busybox"), "/bin/busybox"),
      ...linksIn("/sbin", SBIN, "/bin/busybox"),
      ...linksIn("/usr/bin", USR_BIN, "/bin/busybox"),
      ...linksIn("/usr/sbin", USR_SBIN, "/bin/busybox"),
      "/var/run": "/run", "/var/spool/mail": "../mail",
    },
    files: {
      "/etc/alpine-release": `${version}\n`,
      "/etc/os-release": `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
      "/etc/issue": `Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`,
      "/etc/passwd": PASSWD_ALPINE,
      "/etc/group": "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\ndisk:x:6:root\nwheel:x:10:root\nnobody:x:65534:\n",
      "/etc/shells": "# valid login shells\n/bin/sh\n/bin/ash\n",
      "/etc/profile": "export PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\nexport PAGER=less\numask 022\n",
      "/etc/hostname": "localhost\n",
      "/etc/motd": "Welcome to Alpine!\n",
      "/etc/apk/world": "alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n",
    },
  };
}

/** The busybox image: every applet a hard link of /bin/busybox. */
export function busyboxSpec(): FsSpec {
  return {
    dirs: ["/home", "/root", "/tmp", "/usr/sbin", "/var/spool/mail", "/var/www"],
    progs: { ...progsIn("/bin", [...APPLETS, "busybox"], "busybox") },
    files: {
      "/etc/passwd": PASSWD_BB,
      "/etc/group": "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nnogroup:x:65534:\n",
      "/etc/hostname": "localhost\n",
    },
  };
}

export { DEV };
