// Package deploy holds no code: it is the directory of kouryu's deployment
// files (the container image, the compose file, the NATS cluster
// configuration and the systemd units), and its tests check those files
// against the real things they drive. The tests start the three-node NATS
// cluster of nats/ in-process, from the same files compose mounts, and show
// that a stream with three replicas keeps taking messages after a node dies;
// they read compose.yaml, the units, .env.example and the Dockerfile and
// check them against kouryu's command line and against each other, since
// neither Docker nor systemd runs where the tests do.
package deploy
