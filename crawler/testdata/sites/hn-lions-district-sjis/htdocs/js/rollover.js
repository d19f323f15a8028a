function fontSize(s){var z={s:'12px',m:'14px',l:'16px'};document.body.style.fontSize=z[s];}
