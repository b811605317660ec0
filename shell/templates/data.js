/* The nodes and edges of one page of the site, loaded with a script tag (file:// pages cannot fetch). */
window.pftzData = {nodes: {{ nodes|jsfiledata }}, edges: {{ edges|jsfiledata }}};
