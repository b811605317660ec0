/* Every tooltip of the site once; a page's nodes and edges name theirs by number ("tip"). */
window.pftzTips = {{ tips|jsfiledata }};
