function fsChange(s) {
  var size = { s: "75%", m: "82%", l: "100%" }[s];
  document.body.style.fontSize = size;
  document.cookie = "fs=" + s + "; path=/";
}
