// Entry point of the web client bundle: styles (xterm.js's and podlab's) and boot.
import "@xterm/xterm/css/xterm.css";
import "./styles/app.css";
import { boot } from "./app";

void boot(document.getElementById("app")!);
