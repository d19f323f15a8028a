// Package deploy holds no code: it is the directory of kouryu's deployment
// files (the container image, the compose file, the NATS cluster
// configuration, the systemd units, the Prometheus alerting rules and the
// Grafana dashboard), and its tests check those files against the real
// things they drive. The tests start the three-node NATS
// cluster of nats/ in-process, from the same files compose mounts, and show
// that a stream with three replicas keeps taking messages after a node dies;
// they read compose.yaml, the units, .env.example and the Dockerfile and
// check them against kouryu's command line and against each other, since
// neither Docker nor systemd runs where the tests do. The rules and the
// dashboard are held to the metrics kouryu's code declares and, where
// promtool is installed, checked and run by it.
package deploy
